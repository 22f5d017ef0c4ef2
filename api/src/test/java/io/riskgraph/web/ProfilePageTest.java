package io.riskgraph.web;

import io.riskgraph.api.Role;
import io.riskgraph.cypher.TestNeo4j;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.openqa.selenium.WebElement;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The enterprise profile: grade with reasons, segments, people, ownership, timeline by kind, related risk, clues. */
@ExtendWith(Page.ScreenshotOnFailure.class)
class ProfilePageTest {
    static Page page;
    static Record firm;

    @BeforeAll
    static void firm() {
        WebFixture.server();
        try (Session s = TestNeo4j.connection().driver().session()) {
            // a graded firm with reasons, holders, several kinds of event and a clue
            firm = s.run("""
                    MATCH (e:Enterprise) WHERE e.grade IS NOT NULL AND size(e.reasons) > 0
                      AND EXISTS { (e)<-[:SHAREHOLDER_OF]-() }
                    WITH e, COUNT { (e)<-[:INSPECTED|IMPOSED_ON|SAMPLED_AT|COMPLAINS_ABOUT|CONCERNS|RAISED_AT]-() } AS events,
                         EXISTS { MATCH (c:Clue {uscc: e.uscc}) } AS clued
                    RETURN e.uscc AS uscc, e.grade AS grade, e.score AS score, e.reasons AS reasons, events, clued
                    ORDER BY clued DESC, events DESC, e.uscc LIMIT 1""").single();
        }
        page = new Page().signIn(Role.INVESTIGATOR);
    }

    @Test
    void showsTheGradeWithScoreModelAndReasons() {
        page.open("#/enterprise/" + firm.get("uscc").asString());
        assertThat(page.find("#profile .grade-big").getText()).isEqualTo(firm.get("grade").asString());
        assertThat(page.text("#profile-score")).contains(String.valueOf(firm.get("score").asDouble()).replaceAll("\\.0$", ""));
        assertThat(page.text("#profile-model")).isNotBlank();
        List<WebElement> rows = page.all("#profile-reasons tbody tr");
        assertThat(rows).hasSize(firm.get("reasons").size());
        String code = firm.get("reasons").get(0).asString().split(" ")[0];
        assertThat(rows.getFirst().getText()).startsWith(code).contains("+");
        assertThat(page.all("#profile-segments .chip")).isNotEmpty();
        assertThat(page.all("#profile-people tbody tr")).isNotEmpty();
        assertThat(page.all("#profile-holders tbody tr")).isNotEmpty();
        assertThat(page.text("#profile-controller")).isNotBlank();
        assertThat(page.text("#related-value")).matches("[0-9.]+");
        if (firm.get("clued").asBoolean()) assertThat(page.all("#profile-clues li")).isNotEmpty();
        assertThat(page.cspViolations()).isEmpty();
    }

    @Test
    void theTimelineFiltersByKind() {
        page.open("#/enterprise/" + firm.get("uscc").asString());
        List<String> all = page.all("#profile-timeline li").stream().map(li -> li.getAttribute("data-kind")).toList();
        assertThat(all).hasSize(firm.get("events").asInt());
        String keep = all.getFirst();
        for (WebElement box : page.all("#timeline-filters input")) {
            if (!box.getAttribute("value").equals(keep)) {
                box.click();
                page.waitFor("document.getElementById('profile-timeline').dataset.state === 'ready'");
            }
        }
        List<WebElement> kept = page.all("#profile-timeline li");
        assertThat(kept).isNotEmpty().allSatisfy(li -> assertThat(li.getAttribute("data-kind")).isEqualTo(keep));
        assertThat(kept.size()).isEqualTo((int) all.stream().filter(keep::equals).count());
    }

    @Test
    void theProfileLinksToTheNetwork() {
        page.open("#/enterprise/" + firm.get("uscc").asString());
        page.find("#open-network").click();
        page.waitFor("document.body.dataset.view === 'network'");
        page.waitNetwork();
        assertThat(page.nodeIds()).contains("Enterprise:" + firm.get("uscc").asString());
    }
}
