package io.riskgraph.web;

import io.riskgraph.api.Role;
import io.riskgraph.cypher.TestNeo4j;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neo4j.driver.Session;
import org.openqa.selenium.WebElement;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard: grades per segment, clues per rule and over time, high-risk clusters that open in the network. */
@ExtendWith(Page.ScreenshotOnFailure.class)
class DashboardPageTest {

    @Test
    @SuppressWarnings("unchecked")
    void chartsShowTheStoresCounts() {
        Page page = new Page().signIn(Role.CONSUMER).open("#/dashboard");
        assertThat(page.all("#chart-grades canvas, #chart-rules canvas, #chart-months canvas")).hasSize(3);
        List<Map<String, Object>> options = (List<Map<String, Object>>) page.js("return rg.dashboard.charts()");
        // grades: the stacked series sum to the enterprises of each segment
        List<Map<String, Object>> series = (List<Map<String, Object>>) options.getFirst().get("series");
        long drawn = series.stream().flatMap(s -> ((List<Number>) s.get("data")).stream()).mapToLong(Number::longValue).sum();
        long clues = ((List<Map<String, Object>>) options.get(1).get("series")).stream()
                .flatMap(s -> ((List<Number>) s.get("data")).stream()).mapToLong(Number::longValue).sum();
        try (Session s = TestNeo4j.connection().driver().session()) {
            assertThat(drawn).isEqualTo(s.run("MATCH (:Enterprise)-[r:IN_SEGMENT]->(:Segment) RETURN count(r) AS n").single().get("n").asLong());
            assertThat(clues).isEqualTo(s.run("MATCH (c:Clue) RETURN count(c) AS n").single().get("n").asLong());
        }
        assertThat(page.cspViolations()).isEmpty();
    }

    @Test
    void aClusterOpensInTheNetworkView() {
        Page page = new Page().signIn(Role.CONSUMER).open("#/dashboard");
        List<WebElement> links = page.all("#clusters a.open-cluster");
        long expected;
        try (Session s = TestNeo4j.connection().driver().session()) {
            expected = s.run("""
                    MATCH (e:Enterprise)-[:IN_SEGMENT]->(s:Segment) WHERE e.grade IN ['C', 'D'] AND coalesce(e.community, e.wcc) IS NOT NULL
                    WITH s, coalesce(e.community, e.wcc) AS g, count(*) AS n WHERE n >= 3 RETURN count(*) AS n""").single().get("n").asLong();
        }
        assertThat(expected).as("the generated city has clusters").isPositive();
        assertThat(links).isNotEmpty();
        WebElement row = page.find("#clusters tbody tr");
        links.getFirst().click();
        page.waitFor("document.body.dataset.view === 'network'");
        page.waitNetwork();
        @SuppressWarnings("unchecked")
        List<String> ids = (List<String>) page.js("return rg.network.nodeIds()");
        assertThat(ids.stream().filter(i -> i.startsWith("Enterprise:")).count()).isGreaterThanOrEqualTo(2);
    }
}
