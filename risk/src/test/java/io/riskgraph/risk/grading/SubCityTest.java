package io.riskgraph.risk.grading;

import io.riskgraph.cypher.TestNeo4j;
import io.riskgraph.ingest.Ingestor;
import io.riskgraph.ingest.generator.CityGenerator;
import io.riskgraph.ingest.generator.GeneratorParams;
import io.riskgraph.model.id.IdProtector;
import io.riskgraph.progress.Cancellation;
import io.riskgraph.progress.ProgressListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * What an incremental re-grade relies on, checked for every indicator on a generated city: after one new event,
 * an indicator's value (or source) changes only at the firms {@link SubCity#core} names, and there the part around
 * the event gives exactly what the whole city gives. This is what makes each indicator's declared groups right.
 */
class SubCityTest {
    static final int ENTERPRISES = 3_000;

    @TempDir
    static Path tmp;
    static GradingData city;
    static IndicatorContext before;
    static List<Indicator> indicators;
    static Set<Set<GroupKey>> groupings = new HashSet<>();

    @BeforeAll
    static void city() throws Exception {
        Path dir = tmp.resolve("city");
        new CityGenerator(GeneratorParams.of(ENTERPRISES, 5)).generate(dir, ProgressListener.NONE);
        TestNeo4j.clear();
        new Ingestor(TestNeo4j.store(), new IdProtector(new byte[32]), Ingestor.Options.DEFAULT)
                .ingest(dir, tmp.resolve("rejects.csv"), ProgressListener.NONE);
        city = GradingData.read(TestNeo4j.store(), Cancellation.NEVER);
        before = new IndicatorContext(city, city.latestEventDay());
        indicators = IndicatorLibrary.all().values().stream().filter(i -> !i.usesScores() && !i.code().equals("G01")).toList();
        indicators.forEach(i -> groupings.add(i.groups()));
        indicators.forEach(before::values);
    }

    /** Firms to put an event at: random ones, and the ones whose neighbourhoods are the largest. */
    static List<Integer> firms() {
        // firms by USCC, not by index: indexes follow the store ids, which differ from one ingest to the next, and the
        // firms chosen (and a case's outcome) varied between runs
        Integer[] byUscc = new Integer[ENTERPRISES];
        for (int e = 0; e < ENTERPRISES; e++) byUscc[e] = e;
        java.util.Arrays.sort(byUscc, java.util.Comparator.comparing(e -> city.uscc[e]));
        SplittableRandom rnd = new SplittableRandom(3);
        List<Integer> out = new ArrayList<>();
        for (int k = 0; k < 6; k++) out.add(byUscc[rnd.nextInt(ENTERPRISES)]);
        int[] roles = new int[ENTERPRISES], address = new int[ENTERPRISES];
        Map<Long, Integer> atAddress = new java.util.HashMap<>();
        for (long a : city.entAddress) if (a >= 0) atAddress.merge(a, 1, Integer::sum);
        for (int e : city.roleEnt) roles[e]++;
        for (int e = 0; e < ENTERPRISES; e++) address[e] = city.entAddress[e] < 0 ? 0 : atAddress.get(city.entAddress[e]);
        out.add(argMax(roles));
        out.add(argMax(address));
        // the linked firm with the smallest USCC
        out.add(java.util.Arrays.stream(city.linkFrom).boxed().min(java.util.Comparator.comparing(e -> city.uscc[e])).orElse(0));
        return out;
    }

    /** The firm with the largest value, the smallest USCC among equals. */
    static int argMax(int[] a) {
        int best = 0;
        for (int i = 1; i < a.length; i++) {
            if (a[i] > a[best] || (a[i] == a[best] && city.uscc[i].compareTo(city.uscc[best]) < 0)) best = i;
        }
        return best;
    }

    /** Event kinds: family, properties, whether it names the firm's principal instead of the firm, a producer. */
    static Stream<org.junit.jupiter.params.provider.Arguments> events() {
        List<org.junit.jupiter.params.provider.Arguments> rows = new ArrayList<>();
        for (int firm : firms()) {
            rows.add(arguments("failed sample", firm, 1, Map.of("result", "FAIL", "failed_items", "MICROBIAL:COLIFORMS"), false, true));
            rows.add(arguments("inspection with issues", firm, 0, Map.of("result", "ISSUES_FOUND", "issues", 2L, "rectified", "FALSE"), false, false));
            rows.add(arguments("penalty", firm, 2, Map.of("kind", "FINE", "amount", 5000.0), false, false));
            rows.add(arguments("verified complaint", firm, 3, Map.of("verified", "TRUE"), false, false));
            rows.add(arguments("open alert", firm, 5, Map.of("kind", "RODENT", "status", "OPEN"), false, false));
            rows.add(arguments("dishonest principal", firm, 4, Map.of("kind", "DISHONEST_EXECUTEE", "status", "ACTIVE"), true, false));
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} at firm {1}")
    @MethodSource("events")
    void valuesMoveOnlyInTheCoreAndThePartGivesThemExactly(String what, int firm, int family, Map<String, Object> props,
                                                           boolean onPrincipal, boolean withProducer) {
        int person = -1;
        if (onPrincipal) {
            for (int r = 0; r < city.rolePerson.length && person < 0; r++) if (city.roleEnt[r] == firm && before.isPrincipal(r)) person = city.rolePerson[r];
            if (person < 0) return; // a firm without a principal has no such event
        }
        int producer = withProducer ? (firm + 1) % ENTERPRISES : -1;
        GradingData patched = city.withEvents(city.oneEvent(family, Long.MAX_VALUE / 2, before.asOfDay, props,
                onPrincipal ? -1 : firm, producer, person));
        BitSet changed = new BitSet();
        if (onPrincipal) {
            for (int r = 0; r < city.rolePerson.length; r++) if (city.rolePerson[r] == person) changed.set(city.roleEnt[r]);
        } else {
            changed.set(firm);
            if (producer >= 0) changed.set(producer);
        }
        IndicatorContext after = new IndicatorContext(patched, before.asOf);
        SubCity part = SubCity.around(after, changed, groupings, Integer.MAX_VALUE);
        assertThat(part.size()).isLessThan(ENTERPRISES);
        int moved = 0;
        for (Indicator ind : indicators) {
            Indicator.Values was = before.values(ind), now = after.values(ind), local = part.context().values(ind);
            int[] core = part.core(ind);
            assertThat(core).as(ind.code()).isNotNull();
            BitSet inCore = new BitSet();
            for (int e : core) inCore.set(e);
            for (int e = 0; e < ENTERPRISES; e++) {
                if (differs(was, now, e)) {
                    moved++;
                    assertThat(inCore.get(e)).as("%s moved at firm %d outside the core", ind.code(), e).isTrue();
                }
            }
            for (int e : core) {
                int j = part.local(e);
                assertThat(local.value()[j]).as("%s at core firm %d", ind.code(), e).isEqualTo(now.value()[e]);
                assertThat(local.source() == null ? null : local.source()[j]).as("%s source at core firm %d", ind.code(), e)
                        .isEqualTo(now.source() == null ? null : now.source()[e]);
            }
        }
        assertThat(moved).as("the event moves some indicator").isPositive();
    }

    static Stream<Integer> firmsForScores() { return firms().stream(); }

    /** The score-reading indicators: a firm's first-pass score moves them only at its persons' firms and its links. */
    @ParameterizedTest(name = "first-pass score up at firm {0}")
    @MethodSource("firmsForScores")
    void scoreReadingIndicatorsMoveOnlyAroundTheChangedScore(int firm) {
        IndicatorContext was = new IndicatorContext(city, before.asOf), now = new IndicatorContext(city, before.asOf);
        double[] first = new double[ENTERPRISES];
        for (int e = 0; e < ENTERPRISES; e++) first[e] = (e * 37 % 101) / 1.01;
        was.firstPassScore(first.clone());
        first[firm] = 150; // above every other firm's
        now.firstPassScore(first);
        BitSet changed = new BitSet();
        changed.set(firm);
        SubCity part = SubCity.around(now, changed, Set.of(Set.of()), Integer.MAX_VALUE);
        int moved = 0;
        for (Indicator ind : IndicatorLibrary.all().values()) {
            if (!ind.usesScores()) continue;
            Indicator.Values a = was.values(ind), b = now.values(ind), local = part.context().values(ind);
            BitSet inCore = new BitSet();
            for (int e : part.core(ind)) inCore.set(e);
            for (int e = 0; e < ENTERPRISES; e++) {
                if (!differs(a, b, e)) continue;
                moved++;
                assertThat(inCore.get(e)).as("%s moved at firm %d outside the core", ind.code(), e).isTrue();
            }
            for (int e : part.core(ind)) {
                int j = part.local(e);
                assertThat(local.value()[j]).as("%s at core firm %d", ind.code(), e).isEqualTo(b.value()[e]);
                assertThat(local.source() == null ? null : local.source()[j]).as("%s source at %d", ind.code(), e)
                        .isEqualTo(b.source() == null ? null : b.source()[e]);
            }
        }
        // the highest score in the city reaches every firm sharing a person or a link with it
        if (part.core(IndicatorLibrary.get("N27")).length > 1) assertThat(moved).as("a related firm's score moves").isPositive();
    }

    /** A re-grade adds events to the held data; views made before keep what they held, and visits follow moves. */
    @Test
    void addedEventsLeaveEarlierViewsAsTheyWereAndVisitsFollowMovedInspections() {
        GradingData.Events inspections = city.inspections;
        int n = inspections.size();
        Map<String, Object> props = Map.of("result", "ISSUES_FOUND");
        GradingData one = city.withEvents(city.oneEvent(0, Long.MAX_VALUE - 10, before.asOfDay, props, 0, -1, -1));
        GradingData two = one.withEvents(one.oneEvent(0, Long.MAX_VALUE - 5, before.asOfDay, props, 1, -1, -1));
        // a branch from the first view must not overwrite what the second appended
        GradingData branch = one.withEvents(one.oneEvent(0, Long.MAX_VALUE - 7, before.asOfDay, props, 2, -1, -1));
        assertThat(city.inspections.size()).isEqualTo(n);
        assertThat(one.inspections.size()).isEqualTo(n + 1);
        assertThat(two.inspections.size()).isEqualTo(n + 2);
        assertThat(two.inspections.ent[two.inspections.index(Long.MAX_VALUE - 5)]).isEqualTo(1);
        assertThat(two.inspections.index(Long.MAX_VALUE - 7)).isNegative();
        assertThat(branch.inspections.ent[branch.inspections.index(Long.MAX_VALUE - 7)]).isEqualTo(2);
        assertThat(branch.inspections.index(Long.MAX_VALUE - 5)).isNegative();
        assertThat(one.inspections.index(Long.MAX_VALUE - 5)).isNegative();

        // an id below every other one moves all old inspections by one place
        GradingData first = city.withEvents(city.oneEvent(0, -1, before.asOfDay, props, 0, -1, -1));
        assertThat(first.inspections.index(-1)).isZero();
        assertThat(city.inspectionOfVisit).isNotEmpty();
        for (int v = 0; v < city.inspectionOfVisit.length; v++) {
            int was = city.inspectionOfVisit[v];
            if (was < 0) continue;
            assertThat(first.inspections.ids[first.inspectionOfVisit[v]]).as("visit %d", v).isEqualTo(city.inspections.ids[was]);
        }
    }

    /** Roles, links and visits come in one order, whatever order the store's readers deliver them in. */
    @Test
    void twoReadsGiveTheSameRolesLinksAndVisitsInAscendingOrder() {
        GradingData again = GradingData.read(TestNeo4j.store(), Cancellation.NEVER);
        assertThat(again.roleEnt).isEqualTo(city.roleEnt);
        assertThat(again.rolePerson).isEqualTo(city.rolePerson);
        assertThat(again.roleType).isEqualTo(city.roleType);
        assertThat(again.linkFrom).isEqualTo(city.linkFrom);
        assertThat(again.linkTo).isEqualTo(city.linkTo);
        assertThat(again.inspectionOfVisit).isEqualTo(city.inspectionOfVisit);
        assertThat(again.personOfVisit).isEqualTo(city.personOfVisit);
        for (int r = 1; r < city.roleEnt.length; r++) {
            assertThat(city.roleEnt[r - 1] < city.roleEnt[r] || (city.roleEnt[r - 1] == city.roleEnt[r]
                    && city.rolePerson[r - 1] <= city.rolePerson[r])).as("role %d", r).isTrue();
        }
        assertThat(GradingData.sorted(new int[]{3, 1, 1, 2}, new int[]{0, 7, 5, 9}, new int[]{1, 2, 3, 0}))
                .isDeepEqualTo(new int[][]{{1, 1, 2, 3}, {5, 7, 9, 0}, {3, 2, 0, 1}});
        assertThat(city.roleEnt).isNotEmpty();
    }

    @Test
    void aGroupTooLargeForThePartLeavesItsIndicatorsToTheCity() {
        int firm = 0;
        while (city.entAddress[firm] < 0 || city.entPhone[firm] < 0) firm++;
        BitSet changed = new BitSet();
        changed.set(firm);
        SubCity part = SubCity.around(before, changed, groupings, 0);
        int f = firm;
        for (Indicator ind : indicators) {
            // a firm in no group of the indicator's keys (no community before analyze) changes only itself
            boolean grouped = ind.groups().stream().anyMatch(k -> k.of(city)[f] >= 0);
            if (ind.groups().isEmpty()) assertThat(part.core(ind)).as(ind.code()).contains(f);
            else if (grouped) assertThat(part.core(ind)).as(ind.code()).isNull();
            else assertThat(part.core(ind)).as(ind.code()).containsExactly(f);
        }
        assertThat(indicators.stream().filter(i -> i.groups().contains(GroupKey.ADDRESS))).isNotEmpty();
    }

    static boolean differs(Indicator.Values a, Indicator.Values b, int e) {
        return Double.compare(a.value()[e], b.value()[e]) != 0
                || !Objects.equals(a.source() == null ? null : a.source()[e], b.source() == null ? null : b.source()[e]);
    }
}
