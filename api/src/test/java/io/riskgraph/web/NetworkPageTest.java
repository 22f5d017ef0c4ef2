package io.riskgraph.web;

import io.riskgraph.api.Role;
import io.riskgraph.cypher.TestNeo4j;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neo4j.driver.Session;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The network view: draw, expand (a hub in pages), hide, pin, remove, undo, paths, dates, legend, export, save. */
@ExtendWith(Page.ScreenshotOnFailure.class)
class NetworkPageTest {
    static Page page;
    static String firm;

    @BeforeAll
    static void open() {
        WebFixture.server();
        firm = WebFixture.hubFirms.getFirst();
        page = new Page().signIn(Role.INVESTIGATOR);
    }

    private void openFirm() {
        page.open("#/network/" + firm);
        assertThat(page.cspViolations()).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private List<String> visible() { return (List<String>) page.js("return rg.network.visibleNodeIds()"); }

    @SuppressWarnings("unchecked")
    private List<String> nodes() { return (List<String>) page.js("return rg.network.nodeIds()"); }

    @Test
    void drawsTheTwoHopNetworkAroundTheFirmWithEveryLinkAmongItsNodes() {
        openFirm();
        List<String> ids = nodes();
        assertThat(ids).contains("Enterprise:" + firm, "Address:" + WebFixture.HUB_ADDRESS);
        // the hub address is reached but not passed: its 45 firms are not all drawn
        assertThat(ids.stream().filter(id -> id.startsWith("Enterprise:") && WebFixture.hubFirms.contains(id.substring(11))).count())
                .isLessThan(WebFixture.HUB_FIRMS);
        Map<String, Object> hub = data("Address:" + WebFixture.HUB_ADDRESS);
        assertThat(hub.get("hub")).isEqualTo(true);
        // the drawn links are the store's links among the drawn nodes of the followed types
        long edges = (Long) page.js("return rg.network.edgeCount()");
        assertThat(edges).isGreaterThanOrEqualTo(ids.size() - 1);
        assertThat((Long) page.js("return rg.network.drawMillis")).isPositive();
    }

    @Test
    void doubleClickingExpandsANodeWithoutMovingThePlacedOnes() {
        openFirm();
        String person = nodes().stream().filter(id -> id.startsWith("Person:")).findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> before = (Map<String, Map<String, Object>>) page.js("return rg.network.positions()");
        page.js("rg.network.cy.getElementById(arguments[0]).emit('dbltap')", person);
        page.waitFor("rg.network.idle()");
        page.waitNetwork();
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> after = (Map<String, Map<String, Object>>) page.js("return rg.network.positions()");
        before.forEach((id, p) -> assertThat(after.get(id)).as(id + " stays where it was").isEqualTo(p));
        assertThat(after.size()).isGreaterThanOrEqualTo(before.size());
    }

    @Test
    void aHubExpandsInPagesOfTwenty() {
        openFirm();
        String hub = "Address:" + WebFixture.HUB_ADDRESS;
        @SuppressWarnings("unchecked")
        Map<String, Object> first = (Map<String, Object>) page.await("rg.network.expand(args[0])", hub);
        assertThat(first.get("total")).isEqualTo((long) WebFixture.HUB_FIRMS);
        assertThat(first.get("more")).isEqualTo(true);
        page.js("rg.network.select(arguments[0])", hub);
        assertThat(page.text("#hub-count")).startsWith("20 / " + WebFixture.HUB_FIRMS);
        page.find("#hub-more-btn").click();
        page.waitFor("rg.network.idle() && rg.network.page('" + hub + "') && rg.network.page('" + hub + "').offset === 40");
        page.await("rg.network.more(args[0])", hub);
        List<String> ids = nodes();
        for (String u : WebFixture.hubFirms) assertThat(ids).contains("Enterprise:" + u);
        assertThat(page.all("#hub-more-btn")).isEmpty();
    }

    @Test
    void hidePinRemoveAndUndo() {
        openFirm();
        String other = nodes().stream().filter(id -> !id.equals("Enterprise:" + firm)).findFirst().orElseThrow();
        int n = nodes().size();
        page.js("rg.network.hide(arguments[0])", other);
        assertThat(visible()).hasSize(n - 1).doesNotContain(other);
        page.js("rg.network.undo()");
        assertThat(visible()).hasSize(n);
        page.js("rg.network.pin(arguments[0])", other);
        assertThat(page.js("return rg.network.cy.getElementById(arguments[0]).locked()", other)).isEqualTo(true);
        page.js("rg.network.undo()");
        assertThat(page.js("return rg.network.cy.getElementById(arguments[0]).locked()", other)).isEqualTo(false);
        page.js("rg.network.remove(arguments[0])", other);
        assertThat(nodes()).hasSize(n - 1).doesNotContain(other);
        page.js("rg.network.undo()");
        assertThat(nodes()).hasSize(n).contains(other);
        // by keyboard: pick the node in the list, press the Hide button
        page.js("const s = document.getElementById('node-list'); s.value = arguments[0]; s.dispatchEvent(new Event('change'))", other);
        page.find("#act-hide").click();
        page.waitFor("rg.network.idle()");
        assertThat(visible()).doesNotContain(other);
    }

    @Test
    void pathModeShowsTheShortestPathsBetweenTwoFirms() {
        openFirm();
        List<String> joined;
        try (Session s = TestNeo4j.connection().driver().session()) {
            // firms two hops away through a person (paths never pass a hub such as the planted address)
            joined = s.run("MATCH (:Enterprise {uscc: $u})<--(:Person)-->(o:Enterprise) WHERE o.uscc <> $u "
                    + "RETURN DISTINCT o.uscc AS o ORDER BY o", Map.of("u", firm)).list(r -> r.get("o").asString());
        }
        page.await("rg.network.expand(args[0])", "Enterprise:" + firm);
        List<String> drawn = nodes();
        String second = joined.stream().filter(u -> drawn.contains("Enterprise:" + u)).findFirst()
                .orElseThrow(() -> new AssertionError("none of the firms a person joins to " + firm + " is drawn: " + joined
                        + " (drawn: " + drawn + ")"));
        page.find("#path-mode").click();
        assertThat(page.find("#path-mode").getAttribute("aria-pressed")).isEqualTo("true");
        page.js("rg.network.cy.getElementById(arguments[0]).emit('tap'); rg.network.cy.getElementById(arguments[1]).emit('tap')",
                "Enterprise:" + firm, "Enterprise:" + second);
        page.waitFor("rg.network.idle() && rg.network.pathIds().length > 0");
        @SuppressWarnings("unchecked")
        List<String> path = (List<String>) page.js("return rg.network.pathIds()");
        assertThat(path).contains("Enterprise:" + firm, "Enterprise:" + second);
    }

    @Test
    void theDateSliderHidesLinksNotValidOnThatDay() {
        openFirm();
        page.await("rg.network.expand(args[0])", "Enterprise:" + firm);
        long dated;
        try (Session s = TestNeo4j.connection().driver().session()) {
            dated = s.run("MATCH ()-[r]->() WHERE r.since IS NOT NULL RETURN count(r) AS n").single().get("n").asLong();
        }
        assertThat(dated).isPositive();
        int all = ((List<?>) page.js("return rg.network.visibleEdgeIds()")).size();
        long hidden = (Long) page.js("return rg.network.setDate('1990-01-01')");
        int shown = ((List<?>) page.js("return rg.network.visibleEdgeIds()")).size();
        assertThat(shown).isEqualTo(all - hidden);
        // every link still shown either has no start date or started by then
        assertThat((Boolean) page.js("return rg.network.cy.edges().not('.off-date').every(e => !e.data('since') || String(e.data('since')) <= '1990-01-01')")).isTrue();
        page.js("rg.network.setDate(null)");
        assertThat((List<?>) page.js("return rg.network.visibleEdgeIds()")).hasSize(all);
    }

    @Test
    @SuppressWarnings("unchecked")
    void legendCountsAndExportsMatchTheDrawing() {
        openFirm();
        Map<String, Object> legend = (Map<String, Object>) page.js("return rg.network.legend()");
        long counted = ((Map<String, Long>) legend.get("labels")).values().stream().mapToLong(Long::longValue).sum();
        assertThat(counted).isEqualTo(nodes().size());
        assertThat(page.all("#legend .legend-row")).isNotEmpty();
        String nodesCsv = (String) page.js("return rg.network.csv('nodes')");
        assertThat(nodesCsv.lines().count()).isEqualTo(nodes().size() + 1);
        assertThat(nodesCsv.lines().findFirst().orElseThrow()).isEqualTo("id,label,key,name,grade,score,x,y,pinned,note");
        String edgesCsv = (String) page.js("return rg.network.csv('edges')");
        assertThat(edgesCsv.lines().count()).isEqualTo((Long) page.js("return rg.network.edgeCount()") + 1);
        assertThat((String) page.js("return rg.network.png()")).startsWith("data:image/png;base64,");
    }

    @Test
    @SuppressWarnings("unchecked")
    void anInvestigationIsSavedReopenedAndSharedReadOnly() {
        openFirm();
        page.js("rg.network.cy.getElementById(arguments[0]).position({x: 1234, y: -321})", "Enterprise:" + firm);
        page.find("#inv-name").sendKeys("hub check");
        page.find("#inv-notes").sendKeys("formation agent?");
        page.find("#inv-shared").click();
        String id = (String) page.await("rg.network.save()");
        assertThat((String) page.js("return location.hash")).isEqualTo("#/investigation/" + id);
        List<String> drawn = nodes();
        page.open("#/search");
        page.open("#/investigation/" + id);
        assertThat(nodes()).containsExactlyInAnyOrderElementsOf(drawn);
        Map<String, Object> pos = (Map<String, Object>) page.js("return rg.network.position(arguments[0])", "Enterprise:" + firm);
        assertThat(((Number) pos.get("x")).doubleValue()).isEqualTo(1234.0);
        assertThat(page.find("#inv-notes").getAttribute("value")).isEqualTo("formation agent?");
        // another investigator sees it (shared) but saving makes their own copy
        page.signInWith(WebFixture.secondInvestigatorKey).open("#/investigations");
        assertThat(page.all("#inv-table tr[data-id='" + id + "']")).hasSize(1);
        page.open("#/investigation/" + id);
        assertThat(nodes()).containsExactlyInAnyOrderElementsOf(drawn);
        String copy = (String) page.await("rg.network.save()");
        assertThat(copy).isNotEqualTo(id);
        // consumers cannot save: the button is not there and the API refuses
        page.signIn(Role.CONSUMER).open("#/network/" + firm);
        assertThat(page.all("#inv-save")).isEmpty();
        assertThatThrownBy(() -> page.await("fetch('/investigations').then(r => { if (!r.ok) throw new Error('status ' + r.status); })"))
                .hasMessageContaining("status 403");
        page.signIn(Role.INVESTIGATOR);
    }

    @Test
    void theNetworkAndInvestigationRoutesRefuseBadRequestsPrecisely() {
        WebFixture.server();
        String inv = WebFixture.KEYS.get(Role.INVESTIGATOR);
        // (method, path, body, key, status, code)
        Object[][] cases = {
                {"GET", "/network/expand", null, inv, 400, "MISSING_PARAMETER"},
                {"GET", "/network/expand?node=Nope:1", null, inv, 400, "INVALID_PARAMETER"},
                {"GET", "/network/expand?node=Enterprise:" + firm + "&types=LOVES", null, inv, 400, "INVALID_PARAMETER"},
                {"GET", "/network/expand?node=Enterprise:" + firm + "&limit=500", null, inv, 400, "INVALID_PARAMETER"},
                {"GET", "/network/expand?node=Person:anon-000000000000", null, inv, 404, "UNKNOWN_ENTITY"},
                {"GET", "/network/expand?node=Address:nowhere", null, inv, 404, "UNKNOWN_ENTITY"},
                {"GET", "/enterprises/" + firm + "/network?hops=4", null, inv, 400, "INVALID_PARAMETER"},
                {"GET", "/enterprises/" + firm + "/timeline?kinds=Party", null, inv, 400, "INVALID_PARAMETER"},
                {"GET", "/enterprises/" + firm + "/timeline?from=yesterday", null, inv, 400, "INVALID_PARAMETER"},
                {"POST", "/investigations", "{\"content\": {}}", inv, 400, "INVALID_BODY"},
                {"POST", "/investigations", "{\"name\": \"x\", \"content\": []}", inv, 400, "INVALID_BODY"},
                {"POST", "/investigations", "{\"name\": \"x\", \"content\": {}}", WebFixture.KEYS.get(Role.ANALYST), 403, "FORBIDDEN"},
                {"GET", "/investigations/inv-none", null, inv, 404, "UNKNOWN_INVESTIGATION"},
        };
        for (Object[] c : cases) {
            java.net.http.HttpResponse<String> r = Http.send(Http.request((String) c[1]).header("X-API-Key", (String) c[3]),
                    (String) c[0], (String) c[2]);
            assertThat(r.statusCode()).as(c[0] + " " + c[1]).isEqualTo(c[4]);
            assertThat(r.body()).as(c[0] + " " + c[1]).contains("\"code\":\"" + c[5] + "\"");
        }
        // an investigation that is not shared is invisible to others; a shared one cannot be changed by them
        java.net.http.HttpResponse<String> mine = Http.send(Http.request("/investigations").header("X-API-Key", inv), "POST",
                "{\"name\": \"private\", \"content\": {\"nodes\": []}}");
        assertThat(mine.statusCode()).isEqualTo(201);
        String id = mine.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        assertThat(Http.send(Http.request("/investigations/" + id).header("X-API-Key", WebFixture.secondInvestigatorKey), "GET", null)
                .statusCode()).isEqualTo(404);
        Http.send(Http.request("/investigations/" + id).header("X-API-Key", inv), "PUT",
                "{\"name\": \"now shared\", \"shared\": true, \"content\": {\"nodes\": []}}");
        assertThat(Http.send(Http.request("/investigations/" + id).header("X-API-Key", WebFixture.secondInvestigatorKey), "PUT",
                "{\"name\": \"mine now\", \"content\": {}}").statusCode()).isEqualTo(403);
        assertThat(Http.send(Http.request("/investigations/" + id).header("X-API-Key", WebFixture.secondInvestigatorKey), "DELETE", null)
                .statusCode()).isEqualTo(403);
        assertThat(Http.send(Http.request("/investigations/" + id).header("X-API-Key", inv), "DELETE", null).statusCode()).isEqualTo(200);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> data(String id) { return (Map<String, Object>) page.js("return rg.network.data(arguments[0])", id); }
}
