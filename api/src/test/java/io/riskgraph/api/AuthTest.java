package io.riskgraph.api;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.riskgraph.api.ApiFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/** API keys and roles: who may call what. */
class AuthTest {
    @BeforeAll
    static void start() { server(); }

    static final String CYPHER = "{\"statement\": \"RETURN 1 AS one\"}";

    @ParameterizedTest(name = "{0} {1} as {2} -> {3}")
    @CsvSource(delimiter = ';', value = {
            // method; path; role; status
            "GET; /enterprises/" + FOOD + "; CONSUMER; 200",
            "GET; /enterprises/" + FOOD + "/related; CONSUMER; 200",
            "GET; /enterprises/" + FOOD + "/holders; CONSUMER; 200",
            "GET; /paths?from=P01&to=" + FOOD + "; CONSUMER; 200",
            "GET; /segments/CATERING/high-risk; CONSUMER; 200",
            "GET; /search?q=abc; CONSUMER; 200",
            "GET; /queries; CONSUMER; 403",
            "POST; /cypher; CONSUMER; 403",
            "POST; /queries/open-alerts; CONSUMER; 403",
            "GET; /queries; ANALYST; 200",
            "POST; /cypher; ANALYST; 200",
            "POST; /admin/reindex; ANALYST; 403",
            "POST; /cypher; INVESTIGATOR; 200",
            "GET; /admin/audit; INVESTIGATOR; 403",
            "GET; /admin/keys; INVESTIGATOR; 403",
            "GET; /admin/audit; ADMIN; 200",
            "GET; /admin/keys; ADMIN; 200",
            "GET; /enterprises/" + FOOD + "; ADMIN; 200",
            "POST; /cypher; ADMIN; 200",
    })
    void roles(String method, String path, Role role, int status) {
        Reply r = send(role, path, method.equals("POST") ? (path.startsWith("/queries") ? "{\"params\": {\"min_alerts\": 1}}" : CYPHER) : null, method);
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        if (status == 403) {
            assertThat(r.code()).isEqualTo("FORBIDDEN");
            assertThat(r.json().get("message").asText()).contains("role");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "no key; ; ",
            "unknown bearer key; Authorization; Bearer rg_nope",
            "not a bearer; Authorization; Basic dXNlcjpwYXNz",
            "unknown X-API-Key; X-API-Key; rg_nope",
    })
    void unauthenticatedIs401(String what, String header, String value) {
        var b = request("/enterprises/" + FOOD);
        if (header != null) b.header(header, value);
        Reply r = send(b, null, "GET");
        assertThat(r.status()).as(what).isEqualTo(401);
        assertThat(r.code()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void xApiKeyHeaderWorks() {
        Reply r = send(request("/enterprises/" + FOOD).header("X-API-Key", KEYS.get(Role.CONSUMER)), null, "GET");
        assertThat(r.status()).isEqualTo(200);
    }

    @Test
    void revokedKeyIs401() {
        String secret = server().keys().create("short-lived", Role.CONSUMER).secret();
        assertThat(send(request("/search?q=x").header("X-API-Key", secret), null, "GET").status()).isEqualTo(200);
        server().keys().revoke("short-lived");
        assertThat(send(request("/search?q=x").header("X-API-Key", secret), null, "GET").status()).isEqualTo(401);
    }

    @Test
    void keysFileHoldsOnlyHashes() throws Exception {
        String file = java.nio.file.Files.readString(server().keys().file());
        for (String secret : KEYS.values()) assertThat(file).doesNotContain(secret).contains(ApiKeys.sha256(secret));
    }

    @Test
    void publicRoutesNeedNoKey() {
        for (String p : new String[]{"/health", "/metrics", "/openapi.json"}) {
            assertThat(send(request(p), null, "GET").status()).as(p).isEqualTo(200);
        }
    }
}
