package io.riskgraph.web;

import io.riskgraph.api.Role;
import io.riskgraph.cypher.TestNeo4j;
import net.sourceforge.pinyin4j.PinyinHelper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neo4j.driver.Session;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/** One box for names (Chinese, pinyin, initials), USCCs, persons and addresses; results while typing. */
@ExtendWith(Page.ScreenshotOnFailure.class)
class SearchPageTest {
    static Page page;
    static String uscc;
    static String name;

    @BeforeAll
    static void firm() {
        WebFixture.server();
        try (Session s = TestNeo4j.connection().driver().session()) {
            var r = s.run("MATCH (e:Enterprise) WHERE e.name =~ '[\\\\x{4e00}-\\\\x{9fff}]{6,}' RETURN e.uscc AS u, e.name AS n "
                    + "ORDER BY e.uscc LIMIT 1").single();
            uscc = r.get("u").asString();
            name = r.get("n").asString();
        }
        page = new Page().signIn(Role.CONSUMER);
    }

    private void type(String text) {
        page.open("#/search");
        WebElement box = page.find("#search-q");
        box.clear();
        box.sendKeys(text);
        page.waitFor("document.getElementById('search-out').dataset.q === " + jsString(text)
                + " && document.getElementById('search-out').dataset.state === 'ready'");
    }

    static String jsString(String s) { return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'"; }

    @Test
    void findsWhileTypingByNameUsccPinyinAndAddress() {
        String pinyin = pinyin(name.substring(0, 4));
        String[] queries = {name, uscc, pinyin, name.substring(0, 2) + name.substring(3, 6)};
        for (String q : queries) {
            type(q);
            assertThat(page.all("#search-results li[data-key='" + uscc + "']")).as(q).isNotEmpty();
        }
        // an exact USCC is the first hit and marked exact; its link opens the profile
        type(uscc);
        WebElement first = page.find("#search-results li");
        assertThat(first.getAttribute("data-key")).isEqualTo(uscc);
        first.findElement(org.openqa.selenium.By.tagName("a")).sendKeys(Keys.ENTER);
        page.waitFor("document.body.dataset.view === 'profile' && document.body.dataset.state === 'ready'");
        assertThat(page.text("#profile-uscc")).isEqualTo(uscc);
    }

    @Test
    void theHeaderBoxOpensTheSearch() {
        page.open("#/dashboard");
        WebElement quick = page.find("#quick-q");
        quick.sendKeys(uscc, Keys.ENTER);
        page.waitFor("document.body.dataset.view === 'search' && document.getElementById('search-out').dataset.state === 'ready'");
        assertThat(page.all("#search-results li[data-key='" + uscc + "']")).hasSize(1);
    }

    @Test
    void saysSoWhenNothingMatches() {
        type("zzzqqqxxx");
        assertThat(page.all("#search-empty")).hasSize(1);
    }

    static String pinyin(String chinese) {
        StringBuilder sb = new StringBuilder();
        for (char c : chinese.toCharArray()) {
            String[] p = PinyinHelper.toHanyuPinyinStringArray(c);
            if (p != null && p.length > 0) sb.append(p[0].replaceAll("[0-9]", "")).append(' ');
        }
        return sb.toString().strip();
    }
}
