package io.riskgraph.web;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import io.riskgraph.cypher.TestNeo4j;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neo4j.driver.Session;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The public scan-check page /verify/{code}, and plan --qr writing QR images that point at it. */
@ExtendWith(Page.ScreenshotOnFailure.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VerifyPageTest {

    private Page open(String code) {
        Page page = new Page();
        page.driver.manage().deleteAllCookies();
        page.driver.get(WebFixture.base() + "/verify/" + code);
        page.waitFor("document.body.dataset.state === 'ready'");
        return page;
    }

    @Test
    @Order(1)
    void aGenuineCodeShowsTheFirmAndPeriodWithoutSignInAndNoInspector() {
        WebFixture.server();
        String code = WebFixture.codes.getFirst();
        Page page = open(code);
        assertThat(page.find("#verdict").getAttribute("data-verdict")).isEqualTo("valid");
        String uscc;
        try (Session s = TestNeo4j.connection().driver().session()) {
            uscc = s.run("MATCH (t:InspectionTask {code: $c}) RETURN t.uscc AS u", Map.of("c", code)).single().get("u").asString();
        }
        assertThat(page.text("#verify-firm")).contains(uscc);
        assertThat(page.text("#verify-period")).isEqualTo(WebFixture.nextQuarter());
        String body = page.text("body");
        try (Session s = TestNeo4j.connection().driver().session()) {
            for (String inspector : s.run("MATCH (i:Inspector) RETURN i.name AS n").list(r -> r.get("n").asString())) {
                assertThat(body).doesNotContain(inspector);
            }
        }
        assertThat(page.cspViolations()).isEmpty();
    }

    @Test
    @Order(2)
    void forgedMalformedAndUnknownCodesSaySo() {
        String code = WebFixture.codes.getFirst();
        char last = code.charAt(code.length() - 1);
        String forged = code.substring(0, code.length() - 1) + (last == 'A' ? 'B' : 'A');
        String[][] cases = {{forged, "CODE_FORGED"}, {"not-a-code", "CODE_MALFORMED"}};
        for (String[] c : cases) {
            Page page = open(c[0]);
            assertThat(page.find("#verdict").getAttribute("data-verdict")).as(c[0]).isEqualTo(c[1]);
            assertThat(page.text("#verify-message")).isNotBlank();
        }
    }

    @Test
    @Order(3)
    void planWritesQrImagesPointingAtThePage() throws Exception {
        WebFixture.server();
        Path qr = WebFixture.dir.resolve("qr");
        WebFixture.cli("plan", "--period", "2031-Q1", "--seed", "7", "--ratios", "A=0.05,B=0.05,C=0.2,D=0.5",
                "--qr", qr.toString(), "--verify-url", "https://scm.example.gov.cn");
        List<Path> pngs;
        try (var files = Files.list(qr)) {
            pngs = files.filter(p -> p.toString().endsWith(".png")).sorted().toList();
        }
        assertThat(pngs).isNotEmpty();
        BufferedImage img = ImageIO.read(pngs.getFirst().toFile());
        int[] px = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
        String text = new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(img.getWidth(), img.getHeight(), px)))).getText();
        assertThat(text).startsWith("https://scm.example.gov.cn/verify/JC");
        String task = pngs.getFirst().getFileName().toString().replace(".png", "");
        try (Session s = TestNeo4j.connection().driver().session()) {
            String code = s.run("MATCH (t:InspectionTask {id: $t}) RETURN t.code AS c", Map.of("t", task)).single().get("c").asString();
            assertThat(text).endsWith("/verify/" + code);
        }
    }

    @Test
    @Order(4)
    void thePageIsRateLimitedLikeTheApi() {
        WebFixture.server();
        int limited = 0;
        for (int i = 0; i < 70; i++) {
            if (Http.get("/verify/x" + i).statusCode() == 429) limited++;
        }
        assertThat(limited).isPositive();
    }
}
