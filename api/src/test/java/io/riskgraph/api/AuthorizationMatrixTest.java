package io.riskgraph.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import static io.riskgraph.api.ApiFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route of /openapi.json, called as each of anonymous, consumer, analyst, investigator and admin, answers the
 * status in the table below, and leaves exactly one audit line naming the caller, the route and that status. A
 * route missing from the table (a new one) or in the table but not served fails the test. Bodies are chosen to be
 * refused after the role check ("[" is not a JSON object: 400), so the matrix changes nothing.
 */
class AuthorizationMatrixTest {
    /** anonymous, consumer, analyst, investigator, admin. */
    static final Role[] CALLERS = {null, Role.CONSUMER, Role.ANALYST, Role.INVESTIGATOR, Role.ADMIN};

    record Call(String path, String body, String expected) {}

    static final Map<String, Call> TABLE = new LinkedHashMap<>();

    static void row(String route, String path, String body, String expected) {
        TABLE.put(route, new Call(path, body, expected));
    }

    static {
        // route                                  concrete path                          body  anon cons anal inv  admin
        row("GET /health", "/health", null,                                                     "200 200 200 200 200");
        row("GET /metrics", "/metrics", null,                                                   "200 200 200 200 200");
        row("GET /openapi.json", "/openapi.json", null,                                         "200 200 200 200 200");
        row("GET /enterprises/{uscc}", "/enterprises/" + FOOD, null,                            "401 200 200 200 200");
        row("GET /enterprises/{uscc}/related", "/enterprises/" + FOOD + "/related", null,       "401 200 200 200 200");
        row("GET /enterprises/{uscc}/holders", "/enterprises/" + FOOD + "/holders", null,       "401 200 200 200 200");
        row("GET /enterprises/{uscc}/timeline", "/enterprises/" + FOOD + "/timeline", null,     "401 200 200 200 200");
        row("GET /enterprises/{uscc}/network", "/enterprises/" + FOOD + "/network", null,       "401 200 200 200 200");
        row("GET /network/expand", "/network/expand?node=Enterprise:" + FOOD, null,             "401 200 200 200 200");
        row("GET /paths", "/paths?from=P01&to=" + FOOD, null,                                   "401 200 200 200 200");
        row("GET /segments/{code}/high-risk", "/segments/CATERING/high-risk", null,             "401 200 200 200 200");
        row("GET /search", "/search?q=abc", null,                                               "401 200 200 200 200");
        row("GET /dashboard", "/dashboard", null,                                               "401 200 200 200 200");
        row("GET /warning-rules", "/warning-rules", null,                                       "401 200 200 200 200");
        row("GET /clues", "/clues", null,                                                       "401 200 200 200 200");
        row("GET /clues/{id}", "/clues/no-such-clue", null,                                     "401 404 404 404 404");
        row("POST /clues/{id}/status", "/clues/no-such-clue/status", "[",                       "401 403 400 400 400");
        row("GET /queries", "/queries", null,                                                   "401 403 200 200 200");
        row("POST /queries/{name}", "/queries/no-such-query", "[",                              "401 403 404 404 404");
        row("POST /cypher", "/cypher", "[",                                                     "401 403 400 400 400");
        row("POST /gremlin", "/gremlin", "[",                                                   "401 403 400 400 400");
        row("GET /investigations", "/investigations", null,                                     "401 403 403 200 200");
        row("POST /investigations", "/investigations", "[",                                     "401 403 403 400 400");
        row("GET /investigations/{id}", "/investigations/no-such-id", null,                     "401 403 403 404 404");
        row("PUT /investigations/{id}", "/investigations/no-such-id", "[",                      "401 403 403 400 400");
        row("DELETE /investigations/{id}", "/investigations/no-such-id", null,                  "401 403 403 404 404");
        row("POST /inspection-tasks/{taskId}/result", "/inspection-tasks/T-none/result", "[",   "401 403 403 400 400");
        row("GET /inspection-codes/{code}", "/inspection-codes/JC1.x", null,                    "503 503 503 503 503");
        row("GET /verify/{code}", "/verify/JC1.x", null,                                        "200 200 200 200 200");
        row("POST /session", "/session", "[",                                                   "400 400 400 400 400");
        row("GET /session", "/session", null,                                                   "401 200 200 200 200");
        row("DELETE /session", "/session", null,                                                "401 200 200 200 200");
        row("POST /admin/reindex", "/admin/reindex", "[",                                       "401 403 403 403 400");
        row("GET /admin/audit", "/admin/audit?from=2999-01-01", null,                           "401 403 403 403 200");
        row("GET /admin/keys", "/admin/keys", null,                                             "401 403 403 403 200");
        row("POST /admin/keys", "/admin/keys", "[",                                             "401 403 403 403 400");
        row("DELETE /admin/keys/{name}", "/admin/keys/no-such-key", null,                       "401 403 403 403 404");
    }

    @BeforeAll
    static void start() { server(); }

    static List<String> routesInOpenApi() {
        JsonNode doc = send(request("/openapi.json"), null, "GET").json();
        List<String> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> p = doc.get("paths").fields(); p.hasNext(); ) {
            Map.Entry<String, JsonNode> e = p.next();
            e.getValue().fieldNames().forEachRemaining(m -> out.add(m.toUpperCase(Locale.ROOT) + " " + e.getKey()));
        }
        return out;
    }

    @Test
    void tableCoversExactlyTheRoutesOfOpenApi() {
        List<String> documented = routesInOpenApi();
        assertThat(new TreeSet<>(documented)).as("routes in /openapi.json without a row in the table")
                .isSubsetOf(TABLE.keySet());
        assertThat(new TreeSet<>(TABLE.keySet())).as("rows for routes not in /openapi.json").isSubsetOf(documented);
        List<String> served = server().routes().stream().map(r -> r.method() + " " + r.path()).toList();
        assertThat(new TreeSet<>(served)).isEqualTo(new TreeSet<>(documented));
    }

    @Test
    void everyRouteAndCallerGetsTheExpectedStatusAndOneAuditLine() throws Exception {
        List<String> wrong = new ArrayList<>();
        int requests = 0;
        for (String route : routesInOpenApi()) {
            Call call = TABLE.get(route);
            if (call == null) continue; // reported by tableCoversExactlyTheRoutesOfOpenApi
            String method = route.substring(0, route.indexOf(' '));
            String template = route.substring(route.indexOf(' ') + 1);
            String[] expected = call.expected().split(" +");
            for (int i = 0; i < CALLERS.length; i++) {
                Role caller = CALLERS[i];
                long before = auditLines();
                var b = request(call.path());
                if (caller != null) b.header("Authorization", "Bearer " + KEYS.get(caller));
                if (call.body() != null) b.header("Origin", "http://127.0.0.1:" + server().port());
                Reply r = send(b, call.body(), method);
                requests++;
                String who = caller == null ? "anonymous" : caller.lower();
                if (r.status() != Integer.parseInt(expected[i])) {
                    wrong.add(route + " as " + who + ": " + r.status() + " (expected " + expected[i] + ") " + r.body()
                            .substring(0, Math.min(120, r.body().length())));
                }
                List<String> lines = Files.readAllLines(server().audit().file(), StandardCharsets.UTF_8);
                if (lines.size() != before + 1) {
                    wrong.add(route + " as " + who + ": " + (lines.size() - before) + " audit lines, expected 1");
                    continue;
                }
                JsonNode line = Json.MAPPER.readTree(lines.getLast());
                if (!line.get("route").asText().equals(template) || !line.get("method").asText().equals(method)
                        || line.get("status").asInt() != r.status() || !line.get("role").asText().equals(who)) {
                    wrong.add(route + " as " + who + ": audit line " + line);
                }
            }
        }
        assertThat(wrong).as("calls that did not answer as the table says").isEmpty();
        assertThat(requests).isEqualTo(TABLE.size() * CALLERS.length);
        assertThat(AuditLog.verify(server().audit().file(), false, null).problems()).isEmpty();
    }

    @Test
    void theExportVerifies() throws Exception {
        get(Role.CONSUMER, "/enterprises/" + FOOD);
        Reply all = get(Role.ADMIN, "/admin/audit");
        java.nio.file.Path export = Files.createTempFile(java.nio.file.Path.of("target"), "audit-export", ".jsonl");
        Files.writeString(export, all.body());
        assertThat(AuditLog.verify(export, false, null).problems()).isEmpty();
        Reply window = get(Role.ADMIN, "/admin/audit?from=" + java.time.Instant.now().minusSeconds(1));
        Files.writeString(export, window.body());
        assertThat(AuditLog.verify(export, true, null).problems()).isEmpty();
    }

    static long auditLines() throws Exception {
        try (var s = Files.lines(server().audit().file(), StandardCharsets.UTF_8)) {
            return s.count();
        }
    }
}
