package io.riskgraph.web;

import io.riskgraph.api.Role;
import io.riskgraph.cypher.TestNeo4j;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The clue workbench: filters, evidence, "show in network", status changes for allowed roles, read-only otherwise. */
@ExtendWith(Page.ScreenshotOnFailure.class)
class CluePageTest {
    static Record clue;

    @BeforeAll
    static void clue() {
        WebFixture.server();
        try (Session s = TestNeo4j.connection().driver().session()) {
            clue = s.run("""
                    MATCH (c:Clue) WHERE c.status = 'NEW' AND c.uscc IS NOT NULL
                    MATCH (e:Enterprise {uscc: c.uscc})
                    RETURN c.id AS id, c.rule AS rule, c.uscc AS uscc, c.segment AS segment, e.district AS district
                    ORDER BY c.severity DESC, c.id LIMIT 1""").single();
        }
    }

    @Test
    void theListFiltersByRuleStatusSegmentAndDistrict() {
        Page page = new Page().signIn(Role.CONSUMER).open("#/clues");
        assertThat(page.all("#clue-table tbody tr")).isNotEmpty();
        new Select(page.find("#f-rule")).selectByValue(clue.get("rule").asString());
        new Select(page.find("#f-status")).selectByValue("NEW");
        page.find("#f-district").sendKeys(clue.get("district").asString());
        page.find("#clue-filters button[type=submit]").click();
        page.waitFor("location.hash.includes('district') && document.body.dataset.state === 'ready'");
        List<WebElement> rows = page.all("#clue-table tbody tr");
        assertThat(rows).isNotEmpty();
        long expected;
        try (Session s = TestNeo4j.connection().driver().session()) {
            expected = s.run("MATCH (c:Clue {rule: $r, status: 'NEW'}) WHERE EXISTS { MATCH (e:Enterprise {uscc: c.uscc, district: $d}) } "
                    + "RETURN count(c) AS n", java.util.Map.of("r", clue.get("rule").asString(), "d", clue.get("district").asString()))
                    .single().get("n").asLong();
        }
        assertThat(page.text("#clue-total")).endsWith(" " + expected);
        assertThat(rows.stream().map(r -> r.getAttribute("data-id"))).contains(clue.get("id").asString());
        rows.forEach(r -> assertThat(r.getText()).startsWith(clue.get("rule").asString()).contains("NEW"));
    }

    @Test
    void aConsumerReadsTheEvidenceButCannotChangeTheStatus() {
        Page page = new Page().signIn(Role.CONSUMER).open("#/clues/" + clue.get("id").asString());
        assertThat(page.all("#clue-evidence tr")).isNotEmpty();
        assertThat(page.all("#clue-status-form")).isEmpty();
        assertThat(page.all("#clue-readonly")).hasSize(1);
        page.find("#clue-network").click();
        page.waitFor("document.body.dataset.view === 'network'");
        page.waitNetwork();
        assertThat(page.nodeIds()).contains("Enterprise:" + clue.get("uscc").asString());
    }

    @Test
    void anInvestigatorChangesTheStatusWithANote() {
        Page page = new Page().signIn(Role.INVESTIGATOR).open("#/clues/" + clue.get("id").asString());
        new Select(page.find("#clue-next")).selectByValue("ASSIGNED");
        page.find("#clue-note").sendKeys("to team 3");
        page.find("#clue-status-form button[type=submit]").click();
        page.waitFor("document.getElementById('clue') && document.getElementById('clue').dataset.status === 'ASSIGNED'");
        assertThat(page.text("#clue-history")).contains("NEW → ASSIGNED").contains("web-investigator").contains("to team 3");
        try (Session s = TestNeo4j.connection().driver().session()) {
            assertThat(s.run("MATCH (c:Clue {id: $id}) RETURN c.status AS s", java.util.Map.of("id", clue.get("id").asString()))
                    .single().get("s").asString()).isEqualTo("ASSIGNED");
        }
    }
}
