package io.riskgraph.risk.warning;

import io.riskgraph.risk.grading.GradingData;
import io.riskgraph.risk.warning.WarningData;
import io.riskgraph.risk.warning.WarningParams;
import io.riskgraph.risk.warning.WarningRule;
import io.riskgraph.risk.warning.WarningRules;
import io.riskgraph.cypher.TestNeo4j;
import io.riskgraph.ingest.Normalise;
import io.riskgraph.progress.Cancellation;
import io.riskgraph.workflow.Clue;
import io.riskgraph.workflow.NewClue;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.riskgraph.risk.warning.TinyCity.f;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each warning rule on a tiny graph declared inline: the pattern (which must fire) next to a near miss (which must
 * not), and the exact de-duplication keys and subject expected. {@code {fN}} in a key stands for firm N's USCC.
 */
class WarningRulesTest {
    static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);
    static final String YOUNG = "2025-09-01", OLD = "2015-01-01", NEW = "2026-02-01";

    @TempDir
    static Path tmp;

    static Stream<Arguments> cases() {
        return Stream.of(
                row(WarningRule.W01, new TinyCity().firm(1).firm(2).firm(3).firm(4).person("p1").person("p2")
                        .role("p1", 1, "LEGAL_REPRESENTATIVE").role("p1", 2, "LEGAL_REPRESENTATIVE").role("p1", 3, "LEGAL_REPRESENTATIVE")
                        .role("p2", 4, "LEGAL_REPRESENTATIVE").gradedD(1, 2, 4),
                        3, "W01|p1"),
                row(WarningRule.W02, new TinyCity().firm(1, "REVOKED", "2018-01-01", "上海市黄浦区老路1号", "", "0", "")
                        .firm(2, "ACTIVE", NEW, "上海市黄浦区老路1号", "", "0", "")
                        .firm(3, "ACTIVE", "2020-01-01", "上海市黄浦区老路1号", "", "0", "")
                        .firm(4, "ACTIVE", NEW, "上海市黄浦区新路2号", "", "0", ""),
                        2, "W02|{f2}"),
                row(WarningRule.W03, new TinyCity().firm(1).firm(2).firm(3).firm(4).firm(5)
                        .sample("S1", 2, 1, "2026-02-01", true).sample("S2", 3, 1, "2026-03-01", true)
                        .sample("S3", 5, 4, "2026-02-01", true).sample("S4", 5, 4, "2026-03-01", true),
                        1, "W03|{f1}|S1"),
                row(WarningRule.W04, new TinyCity().firm(1).firm(2)
                        .sample("S1", 1, null, "2026-01-05", true).sample("S2", 1, null, "2026-04-01", true)
                        .sample("S3", 2, null, "2024-01-01", true).sample("S4", 2, null, "2026-03-01", true),
                        1, "W04|{f1}|S1"),
                row(WarningRule.W05, new TinyCity().firm(1).firm(2)
                        .inspection("I1", 1, "2025-09-01", true, "true", "").inspection("I2", 1, "2026-02-01", true, "true", "")
                        .inspection("I3", 2, "2026-01-01", true, "true", "").inspection("I4", 2, "2026-02-01", false, "", ""),
                        1, "W05|{f1}|I1"),
                row(WarningRule.W06, new TinyCity().firm(1).firm(2, "REVOKED", OLD, "上海市黄浦区路2号", "", "0", "").person("p1")
                        .role("p1", 1, "LEGAL_REPRESENTATIVE").role("p1", 2, "LEGAL_REPRESENTATIVE")
                        .dishonest("R1", "p1", true, "2025-01-01"),
                        1, "W06|p1|{f1}"),
                row(WarningRule.W07, new TinyCity().firm(1, "ACTIVE", OLD, "上海市黄浦区路1号", "", "0", "FOOD_PRODUCTION").firm(2)
                        .firm(3, "ACTIVE", OLD, "上海市黄浦区路3号", "", "0", "FOOD_PRODUCTION")
                        .sample("S1", 2, 1, "2026-05-01", true).sample("S2", 3, null, "2025-06-01", true),
                        1, "W07|{f1}|S1"),
                row(WarningRule.W08, new TinyCity().firm(1).firm(2)
                        .alert("A1", 1, "2026-06-01", "NO_HAT", true).alert("A2", 1, "2026-06-02", "NO_MASK", true)
                        .alert("A3", 1, "2026-06-03", "SMOKING", false)
                        .alert("A4", 2, "2026-06-01", "NO_HAT", false).alert("A5", 2, "2026-06-02", "NO_HAT", false)
                        .alert("A6", 2, "2026-06-03", "NO_HAT", false),
                        1, "W08|{f1}|A1"),
                row(WarningRule.W09, new TinyCity().firm(1).firm(2)
                        .alert("A1", 1, "2026-06-01", "RODENT", true).alert("A2", 1, "2026-06-29", "RODENT", true)
                        .alert("A3", 2, "2026-06-01", "RODENT", false),
                        1, "W09|A1"),
                row(WarningRule.W10, new TinyCity()
                        .firm(1, "ACTIVE", YOUNG, "上海市黄浦区壳路8号101室", "13911110000", "0", "")
                        .firm(2, "ACTIVE", YOUNG, "上海市黄浦区壳路8号101室", "13911110000", "0", "")
                        .firm(3, "ACTIVE", YOUNG, "上海市黄浦区壳路8号101室", "13911110000", "", "")
                        .firm(4, "ACTIVE", YOUNG, "上海市黄浦区别路9号", "", "0", "").firm(5, "ACTIVE", YOUNG, "上海市黄浦区别路9号", "", "0", "")
                        .firm(6, "ACTIVE", YOUNG, "上海市黄浦区别路9号", "", "900000", "")
                        .person("p1").person("p2")
                        .role("p1", 1, "LEGAL_REPRESENTATIVE").role("p1", 2, "LEGAL_REPRESENTATIVE").role("p1", 3, "LEGAL_REPRESENTATIVE")
                        .role("p2", 4, "LEGAL_REPRESENTATIVE").role("p2", 5, "LEGAL_REPRESENTATIVE").role("p2", 6, "LEGAL_REPRESENTATIVE"),
                        1, "W10|{a:上海市黄浦区壳路8号101室}|p1"),
                row(WarningRule.W11, hub(), 1, "W11|{a:上海市浦东新区代办路1号}|p1"),
                row(WarningRule.W12, new TinyCity().firm(1, "ABNORMAL", OLD, "上海市黄浦区路1号", "", "0", "")
                        .firm(2, "ACTIVE", NEW, "上海市黄浦区路2号", "", "0", "").firm(3).firm(4, "ACTIVE", NEW, "上海市黄浦区路4号", "", "0", "")
                        .person("p1").person("p2")
                        .role("p1", 1, "LEGAL_REPRESENTATIVE").role("p1", 2, "LEGAL_REPRESENTATIVE")
                        .role("p2", 3, "SHAREHOLDER").role("p2", 4, "LEGAL_REPRESENTATIVE"),
                        2, "W12|{f2}|p1"),
                row(WarningRule.W13, new TinyCity().firm(1).firm(2).firm(3).firm(4).firm(5)
                        .link(1, 2, "INVESTS_IN", "0.6").link(2, 3, "INVESTS_IN", "0.7").link(3, 1, "INVESTS_IN", "0.1")
                        .link(4, 5, "INVESTS_IN", "1"),
                        1, "W13|" + String.join(",", Stream.of(f(1), f(2), f(3)).sorted().toList())),
                row(WarningRule.W14, new TinyCity().firm(1).firm(2).firm(3)
                        .person("p1").person("p2", "", "上海市黄浦区路3号").inspector("INSP1", "p1").inspector("INSP2", "p2")
                        .role("p1", 1, "SUPERVISOR")
                        .inspection("I1", 1, "2026-01-01", false, "", "INSP1").inspection("I2", 2, "2026-01-02", false, "", "INSP1")
                        .inspection("I3", 3, "2026-01-03", true, "true", "INSP2"),
                        1, "W14|p1|{f1}", "W14|p2|{f3}"),
                row(WarningRule.W15, surge(), 1, "W15|{f1}|Q1"),
                row(WarningRule.W16, new TinyCity().firm(1).firm(2).firm(3)
                        .complaint("Q1", 1, "2026-03-01", "true").complaint("Q2", 2, "2026-03-01", "true")
                        .inspection("I1", 2, "2026-03-10", false, "", "").complaint("Q3", 3, "2026-06-20", "true"),
                        1, "W16|{f1}|Q1"),
                row(WarningRule.W17, new TinyCity().firm(1).firm(2)
                        .penalty("C1", 1, "2026-01-10").inspection("I1", 1, "2026-03-01", true, "false", "")
                        .penalty("C2", 2, "2026-01-10").inspection("I2", 2, "2026-03-01", true, "true", ""),
                        1, "W17|{f1}|I1"),
                row(WarningRule.W18, new TinyCity().firm(1).firm(2)
                        .penalty("C1", 1, "2026-01-10").penalty("C2", 1, "2026-02-10").penalty("C3", 1, "2026-03-10")
                        .penalty("C4", 2, "2026-01-10").penalty("C5", 2, "2026-02-10"),
                        1, "W18|{f1}|C1"),
                row(WarningRule.W19, new TinyCity().firm(1).firm(2).firm(3).firm(4).firm(5)
                        .firm(6, "REVOKED", OLD, "上海市黄浦区路6号", "", "0", "")
                        .link(1, 2, "INVESTS_IN", "0.6").link(3, 4, "INVESTS_IN", "0.3").link(5, 6, "BRANCH_OF", "")
                        .gradedD(1, 3),
                        2, "W19|{f2}|{f1}", "W19|{f5}|{f6}"),
                row(WarningRule.W20, new TinyCity().firm(1, "REVOKED", OLD, "上海市黄浦区路1号", "", "0", "FOOD_PRODUCTION")
                        .firm(2, "ACTIVE", OLD, "上海市黄浦区路2号", "", "0", "CATERING")
                        .firm(3, "REVOKED", OLD, "上海市黄浦区路3号", "", "0", "").firm(4)
                        .link(1, 2, "SUPPLIES", "").link(3, 4, "SUPPLIES", ""),
                        2, "W20|{f2}|{f1}"),
                row(WarningRule.W21, new TinyCity()
                        .firm(1, "ACTIVE", OLD, "上海市黄浦区路1号", "13900000001", "0", "").firm(2, "ACTIVE", OLD, "上海市黄浦区路2号", "13900000001", "0", "")
                        .firm(3, "ACTIVE", OLD, "上海市黄浦区路3号", "13900000001", "0", "")
                        .firm(4, "ACTIVE", OLD, "上海市黄浦区路4号", "13900000002", "0", "").firm(5, "ACTIVE", OLD, "上海市黄浦区路5号", "13900000002", "0", "")
                        .gradedD(1, 2, 4),
                        3, "W21|13900000001"),
                row(WarningRule.W22, new TinyCity().firm(1).firm(2).firm(3).firm(4)
                        .link(1, 2, "GUARANTEES", "").link(3, 4, "GUARANTEES", "").dishonest("R1", f(2), false, "2025-05-01"),
                        1, "W22|{f1}|{f2}"),
                row(WarningRule.W23, new TinyCity().firm(1).firm(2).firm(3).firm(4)
                        .inspection("I1", 2, "2026-01-01", false, "", "").inspection("I2", 3, "2025-01-01", false, "", "")
                        .gradedD(1, 2, 3),
                        1, "W23|{f1}|none", "W23|{f3}|I2"));
    }

    /** 22 firms at one formation-agent address; three young zero-paid-in firms share a nominee. */
    private static TinyCity hub() {
        TinyCity c = new TinyCity().person("p1");
        for (int i = 1; i <= 22; i++) {
            boolean shell = i <= 3;
            c.firm(i, "ACTIVE", shell ? YOUNG : OLD, "上海市浦东新区代办路1号", "", shell ? "0" : "500000", "");
            if (shell) c.role("p1", i, "LEGAL_REPRESENTATIVE");
        }
        return c;
    }

    /** Firm 1: three complaints in 90 days, none before; firm 2: three recent but eight in the year before. */
    private static TinyCity surge() {
        TinyCity c = new TinyCity().firm(1).firm(2)
                .complaint("Q1", 1, "2026-04-10", "true").complaint("Q2", 1, "2026-05-10", "false").complaint("Q3", 1, "2026-06-10", "true")
                .complaint("Q4", 2, "2026-04-10", "true").complaint("Q5", 2, "2026-05-10", "true").complaint("Q6", 2, "2026-06-10", "true");
        for (int m = 1; m <= 8; m++) c.complaint("QB" + m, 2, "2025-" + String.format("%02d", m + 4) + "-15", "false");
        return c;
    }

    private static Arguments row(WarningRule rule, TinyCity city, int subjectFirm, String... keys) {
        return Arguments.of(rule, city, subjectFirm, List.of(keys));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void ruleFindsThePatternAndNotTheNearMiss(WarningRule rule, TinyCity city, int subjectFirm, List<String> keys) {
        city.load(tmp.resolve(rule.name()));
        var store = TestNeo4j.store();
        WarningData data = WarningData.read(store, GradingData.read(store, Cancellation.NEVER), AS_OF, Cancellation.NEVER);
        List<NewClue> clues = new WarningRules(data, WarningParams.DEFAULT).run(rule);

        assertThat(clues).extracting(NewClue::dedupKey).containsExactlyInAnyOrderElementsOf(keys.stream().map(WarningRulesTest::expand).toList());
        String firstKey = expand(keys.getFirst());
        assertThat(clues).filteredOn(c -> c.dedupKey().equals(firstKey)).extracting(NewClue::uscc).containsExactly(f(subjectFirm));
        for (NewClue c : clues) {
            assertThat(c.rule()).isEqualTo(rule.name());
            assertThat(c.asOf()).isEqualTo(AS_OF);
            assertThat(c.evidence()).isNotEmpty();
            assertThat(c.evidence()).extracting(Clue.Evidence::kind).isSubsetOf(Clue.Evidence.NODE, Clue.Evidence.PATH, Clue.Evidence.EVENT);
            assertThat(c.summary()).isNotBlank();
        }
        // the same data gives the same keys (what makes re-running idempotent)
        assertThat(new WarningRules(data, WarningParams.DEFAULT).run(rule)).extracting(NewClue::id)
                .containsExactlyElementsOf(clues.stream().map(NewClue::id).toList());
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(f(\\d+)|a:([^}]+))}");

    private static String expand(String key) {
        Matcher m = PLACEHOLDER.matcher(key);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = m.group(2) != null ? f(Integer.parseInt(m.group(2))) : Normalise.address(m.group(3)).orElseThrow();
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        return out.toString();
    }

    @org.junit.jupiter.api.Test
    void everyRuleHasACase() {
        assertThat(cases().map(a -> (WarningRule) a.get()[0]).toList()).containsExactly(WarningRule.values());
        assertThat(Arrays.stream(WarningRule.values()).map(r -> r.nameZh + r.nameEn + r.pattern)).allSatisfy(s -> assertThat(s).isNotBlank());
    }
}
