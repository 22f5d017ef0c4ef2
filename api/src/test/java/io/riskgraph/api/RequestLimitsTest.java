package io.riskgraph.api;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static io.riskgraph.api.ApiFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Large, deep and slow requests: 413, 414, 431, 400 on depth and page sizes; header and idle timeouts. */
class RequestLimitsTest {
    static ApiServer quick;

    @BeforeAll
    static void start() throws Exception {
        server();
        Path dir = Files.createTempDirectory(Path.of("target"), "limits");
        quick = new ApiServer(CONFIG, io.riskgraph.cypher.TestNeo4j.backend(), dir, null).limits(ApiLimits.DEFAULT.withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2)))
                .start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() { quick.close(); }

    static String cypherOfSize(int bytes) {
        return "{\"statement\": \"RETURN 1 AS one\", \"params\": {\"pad\": \"" + "x".repeat(bytes) + "\"}}";
    }

    @Test
    void bodyOverTheLimitIs413WithOrWithoutContentLength() {
        Reply declared = post(Role.ANALYST, "/cypher", cypherOfSize((int) ApiLimits.DEFAULT.maxBodyBytes()));
        assertThat(declared.status()).as(declared.body()).isEqualTo(413);
        assertThat(declared.code()).isEqualTo("BODY_TOO_LARGE");
        byte[] big = cypherOfSize((int) ApiLimits.DEFAULT.maxBodyBytes()).getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder chunked = request("/cypher").header("Authorization", "Bearer " + KEYS.get(Role.ANALYST))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)));
        Reply r = sendBuilt(chunked);
        assertThat(r.status()).as(r.body()).isEqualTo(413);
        assertThat(post(Role.ANALYST, "/cypher", cypherOfSize(500_000)).status()).as("under the limit").isEqualTo(200);
    }

    @Test
    void longQueryStringIs414AndHugeHeadersAre431() {
        Reply r = get(Role.CONSUMER, "/search?q=" + "a".repeat(ApiLimits.DEFAULT.maxQueryChars()));
        assertThat(r.status()).isEqualTo(414);
        assertThat(r.code()).isEqualTo("QUERY_TOO_LONG");
        Reply headers = send(request("/health").header("X-Padding", "p".repeat(ApiLimits.DEFAULT.requestHeaderBytes())), null, "GET");
        assertThat(headers.status()).isEqualTo(431);
    }

    @Test
    void deepJsonIs400AndShallowIsFine() {
        int max = ApiLimits.DEFAULT.maxJsonDepth();
        String deep = "{\"statement\": \"RETURN 1\", \"params\": {\"p\": " + "[".repeat(max) + "]".repeat(max) + "}}";
        Reply r = post(Role.ANALYST, "/cypher", deep);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("INVALID_JSON");
        assertThat(r.json().get("message").asText()).contains("nesting depth");
        String fine = "{\"statement\": \"RETURN 1 AS one\", \"params\": {\"p\": " + "[".repeat(max - 3) + "]".repeat(max - 3) + "}}";
        assertThat(post(Role.ANALYST, "/cypher", fine).status()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "/search?q=abc&limit=101",
            "/enterprises/" + FOOD + "/related?size=201",
            "/enterprises/" + FOOD + "/related?page=0",
            "/segments/CATERING/high-risk?limit=501",
            "/clues?limit=501",
            "/clues?offset=-1",
            "/enterprises/" + FOOD + "/network?limit=2001",
            "/network/expand?node=Enterprise:" + FOOD + "&limit=201",
            "/paths?from=P01&to=" + FOOD + "&maxHops=7",
    })
    void pageSizesOverTheMaximumAre400(String path) {
        Reply r = get(Role.ADMIN, path);
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("INVALID_PARAMETER");
    }

    @Test
    void slowHeadersAreCutOffAfterTheHeaderTimeout() throws Exception {
        try (Socket s = new Socket("127.0.0.1", quick.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            long t0 = System.nanoTime();
            boolean closed = false;
            // one byte every 200 ms: the idle timeout (2 s) never fires, the header timeout (1 s) does
            byte[] head = "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 40 && !closed; i++) {
                try {
                    out.write(i < head.length ? head[i] : 'x');
                    out.flush();
                } catch (java.io.IOException e) {
                    closed = true;
                }
                Thread.sleep(200);
            }
            if (!closed) closed = s.getInputStream().read() == -1;
            double seconds = (System.nanoTime() - t0) / 1e9;
            assertThat(closed).as("connection closed").isTrue();
            assertThat(seconds).isLessThan(4);
        }
    }

    @Test
    void idleConnectionsAreClosedAndNormalOnesServed() throws Exception {
        try (Socket s = new Socket("127.0.0.1", quick.port())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = s.getInputStream();
            byte[] buf = new byte[4096];
            int n = in.read(buf);
            assertThat(new String(buf, 0, n, StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 200").contains("{\"status\":\"ok\"}");
            long t0 = System.nanoTime();
            int next;
            while ((next = in.read(buf)) > 0) { /* drain */ }
            assertThat(next).isEqualTo(-1);
            assertThat((System.nanoTime() - t0) / 1e9).as("closed after the 2 s idle timeout").isBetween(1.0, 6.0);
        }
    }

    static Reply sendBuilt(HttpRequest.Builder b) {
        try {
            var r = HTTP.send(b.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body(), r);
        } catch (java.io.IOException e) {
            // the server may close while the client still sends: that is a refusal too, but we want the status
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
