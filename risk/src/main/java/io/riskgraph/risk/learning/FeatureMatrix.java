package io.riskgraph.risk.learning;

import io.riskgraph.algorithms.internal.Parallel;
import io.riskgraph.model.Segment;
import io.riskgraph.risk.grading.Category;
import io.riskgraph.risk.grading.EventCount;
import io.riskgraph.risk.grading.GradingData;
import io.riskgraph.risk.grading.GradingInput;
import io.riskgraph.risk.grading.Indicator;
import io.riskgraph.risk.grading.IndicatorContext;
import io.riskgraph.risk.grading.IndicatorLibrary;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.riskgraph.risk.grading.IndicatorContext.M12;
import static io.riskgraph.risk.grading.IndicatorContext.M36;
import static io.riskgraph.risk.grading.IndicatorContext.any;
import static io.riskgraph.risk.grading.IndicatorContext.is;

/**
 * The features of learned models, as of a context's day: the indicator library (less what cannot be known as of a
 * past day) and aggregates of events over each firm's 1- and 2-hop related parties. Every value reads only events on
 * or before the context's day, so features taken as of a label window's start hold nothing from inside it.
 */
public final class FeatureMatrix {
    /**
     * A shared address or phone with more firms than this (registration agents, business centres) relates nobody:
     * it would make thousands of unrelated firms each other's parties.
     */
    public static final int HUB_FIRMS = 50;
    /** 2-hop sets are cut at this many firms (firms near a hub person), the nearest kept. */
    public static final int MAX_TWO_HOP = 2_000;

    /**
     * Left out: S18 and N01 read the analysis write-back, which analyze computed over every event including those after
     * a past as-of day (leakage in a back-test); G01 and the score-reading indicators read a scorecard's scores.
     */
    static final Set<String> EXCLUDED = Set.of("S18", "N01", "G01");

    /** Indicators that count violations or their consequences: more can only mean more risk. */
    static final Set<String> MONOTONE_UP = Set.of("S02", "S03", "S05", "S06", "S08", "S09", "S10", "S11", "S16",
            "S17", "S19", "S20", "D02", "D03", "D05", "D06", "D07", "D08", "D14", "D16", "E03", "E04", "E07", "E08",
            "E09", "E10", "E13");

    /** The related-party aggregates, R01..R12, in the order {@link #relatedRow} fills them. */
    static final List<Feature> RELATED = List.of(
            rel("R01", "关联方检查发现问题", "related parties' inspections with issues, 36 months", 1),
            rel("R02", "关联方行政处罚", "related parties' penalties, 36 months", 1),
            rel("R03", "关联方抽检不合格", "related parties' failed samples, 36 months", 1),
            rel("R04", "关联方查实投诉", "related parties' verified complaints, 36 months", 1),
            rel("R05", "关联方司法记录", "related parties' court records, 36 months", 1),
            rel("R06", "关联方告警", "related parties' smart-kitchen alerts, 12 months", 1),
            rel("R07", "一度关联企业数", "1-hop related firms", 0),
            rel("R08", "一度关联企业违法占比", "1-hop related firms with violations, share", 1),
            rel("R09", "二度关联方违法事件", "2-hop related parties' violations, 36 months", 1),
            rel("R10", "二度关联企业数", "2-hop related firms", 0),
            rel("R11", "二度关联企业违法占比", "2-hop related firms with violations, share", 1),
            rel("R12", "关联方近一年检查问题率", "related parties' inspected firms with issues, 12 months, share", 1));

    /**
     * Membership of each of the contract's 14 segments, K01..K14 in {@link Segment}'s order. The scorecards read
     * segments only through fixed risk classes (B11, B18) set for one city; which segments carry risk differs from
     * city to city, so the learned model reads them one by one and learns it from the city's outcomes.
     */
    static final List<Feature> SEGMENTS = java.util.stream.IntStream.range(0, Segment.values().length)
            .mapToObj(k -> new Feature(String.format(java.util.Locale.ROOT, "K%02d", k + 1), Segment.values()[k].nameZh() + "领域",
                    "segment: " + Segment.values()[k].nameEn(), Category.BASIC, 0)).toList();

    /** Propagated risk as of the day ({@link AsOfPropagation}), in the order of its result. */
    static final List<Feature> PROPAGATED = List.of(
            new Feature("P01", "自身事件风险(截至当日)", "own event risk as of the day", Category.SUPERVISION, 1),
            new Feature("P02", "关联传导风险(截至当日)", "inherited risk as of the day", Category.NETWORK, 1));

    private static Feature rel(String code, String zh, String en, int monotone) {
        return new Feature(code, zh, en, Category.NETWORK, monotone);
    }

    /** Every event family: what the related-party aggregates read that a re-grade can change. */
    static final Set<GradingInput> EVENTS = GradingInput.EVENTS;

    private FeatureMatrix() {}

    /** Every feature, library indicators first, in a stable order. */
    public static List<Feature> all() {
        List<Feature> out = new ArrayList<>();
        for (Indicator ind : IndicatorLibrary.all().values()) {
            if (usable(ind)) out.add(new Feature(ind.code(), ind.nameZh(), ind.nameEn(), ind.category(),
                    MONOTONE_UP.contains(ind.code()) ? 1 : 0));
        }
        out.addAll(SEGMENTS);
        out.addAll(RELATED);
        out.addAll(PROPAGATED);
        return List.copyOf(out);
    }

    /** The features by code; an unknown code is an error naming it (a hand-edited model file). */
    public static List<Feature> byCodes(List<String> codes) {
        Map<String, Feature> known = new LinkedHashMap<>();
        for (Feature f : all()) known.put(f.code(), f);
        List<Feature> out = new ArrayList<>();
        for (String c : codes) {
            Feature f = known.get(c);
            if (f == null) throw new IllegalArgumentException("unknown feature " + c + "; this riskgraph knows " + known.keySet());
            out.add(f);
        }
        return out;
    }

    private static boolean usable(Indicator ind) {
        return !ind.usesScores() && !EXCLUDED.contains(ind.code()) && ind.category() != Category.MODEL;
    }

    /** One column per feature, a value per enterprise (NaN = missing), computed once per context. */
    public static double[][] columns(IndicatorContext ctx, List<Feature> features) {
        double[][] out = new double[features.size()][];
        for (int j = 0; j < features.size(); j++) out[j] = column(ctx, features.get(j));
        return out;
    }

    static double[] column(IndicatorContext ctx, Feature f) {
        Indicator ind = IndicatorLibrary.get(f.code());
        if (ind != null) return ctx.values(ind).value();
        int p = PROPAGATED.indexOf(f);
        if (p >= 0) return AsOfPropagation.compute(ctx)[p];
        int k = SEGMENTS.indexOf(f);
        if (k >= 0) return ctx.cached("learn:segment:" + f.code(), Set.of(), () -> inSegment(ctx, Segment.values()[k].name()));
        int r = RELATED.indexOf(f);
        if (r < 0) throw new IllegalArgumentException("unknown feature " + f.code());
        return ctx.cached("learn:related", EVENTS, () -> related(ctx, null))[r];
    }

    /**
     * Row-major values of the given firms for XGBoost: library indicators from the context's cached columns, the
     * related-party aggregates computed for these firms only (what a re-grade of a few firms needs).
     */
    public static float[] rowsOf(IndicatorContext ctx, List<Feature> features, int[] firms) {
        double[][] rel = related(ctx, firms);
        double[][] cols = new double[features.size()][];
        boolean[] relatedAt = new boolean[features.size()];
        for (int j = 0; j < features.size(); j++) {
            int r = RELATED.indexOf(features.get(j));
            if (r >= 0) { cols[j] = rel[r]; relatedAt[j] = true; }
            else cols[j] = column(ctx, features.get(j));
        }
        int m = features.size();
        float[] out = new float[firms.length * m];
        for (int x = 0; x < firms.length; x++) {
            for (int j = 0; j < m; j++) out[x * m + j] = (float) cols[j][relatedAt[j] ? x : firms[x]];
        }
        return out;
    }

    private static double[] inSegment(IndicatorContext ctx, String segment) {
        double[] out = new double[ctx.n];
        for (int i = 0; i < ctx.n; i++) {
            String[] s = ctx.data.segments[i];
            if (s != null) for (String x : s) if (segment.equals(x)) { out[i] = 1; break; }
        }
        return out;
    }

    /** Row-major values of the given firms (rows) for XGBoost, as floats. */
    public static float[] rows(double[][] columns, int[] firms) {
        int m = columns.length;
        float[] out = new float[firms.length * m];
        for (int r = 0; r < firms.length; r++) {
            int i = firms[r];
            for (int j = 0; j < m; j++) out[r * m + j] = (float) columns[j][i];
        }
        return out;
    }

    /** A firm's own violation evidence, the measure its related parties are summed over. */
    enum OwnMeasure {
        ISSUES(EventCount.where(0, M36, "result", "ISSUES_FOUND")), PENALTIES(EventCount.all(2, M36)),
        FAILED(EventCount.where(1, M36, "result", "FAIL")), COMPLAINTS(EventCount.where(3, M36, "verified", "true")),
        COURT(EventCount.all(4, M36)), ALERTS(EventCount.all(5, M12));

        final EventCount count;

        OwnMeasure(EventCount count) { this.count = count; }
    }

    /** What "a firm with violations" means here: issues, penalties and failed samples in 36 months. */
    static final List<EventCount> VIOLATIONS = List.of(OwnMeasure.ISSUES.count, OwnMeasure.PENALTIES.count, OwnMeasure.FAILED.count);
    /** Inspected, and inspected with issues, in 12 months (the related parties' recent issue rate, R12). */
    static final EventCount INSPECTED_12 = EventCount.all(0, M12), ISSUES_12 = EventCount.where(0, M12, "result", "ISSUES_FOUND");

    static double[] own(IndicatorContext c, OwnMeasure m) {
        return c.cached("learn:own:" + m, EVENTS, () -> m.count.count(c),
                (v, next, added) -> EventCount.addNew(v, next, added, List.of(m.count)));
    }

    static double[] violations(IndicatorContext c) {
        return c.cached("learn:violations", EVENTS, () -> EventCount.sum(c, VIOLATIONS),
                (v, next, added) -> EventCount.addNew(v, next, added, VIOLATIONS));
    }

    /** Every event a firm has as of the day, of any family: the one-line baseline the back-test shows. */
    public static double[] ownEventCount(IndicatorContext c) {
        GradingData d = c.data;
        double[] out = new double[c.n];
        for (GradingData.Events ev : List.of(d.inspections, d.samples, d.penalties, d.complaints, d.courtRecords, d.alerts)) {
            double[] k = c.count(ev, 0, any());
            for (int i = 0; i < out.length; i++) out[i] += k[i];
        }
        return out;
    }

    /**
     * R01..R12 of the given firms (all when null), by feature then firm position. One firm at a time, so that a
     * re-grade computes them for the firms an event can reach only.
     */
    static double[][] related(IndicatorContext c, int[] firms) {
        Neighbours nb = neighbours(c);
        FirmStats st = firmStats(c);
        int k = firms == null ? c.n : firms.length;
        double[][] out = new double[RELATED.size()][k];
        // firms are independent: each thread walks its own range with its own visit marks (at 2.9 M firms the 2-hop
        // sets are most of a window's feature time)
        int parts = k < PARALLEL_MIN ? 1 : Parallel.CONCURRENCY_DEFAULT;
        Parallel.run(Parallel.split(k, null, parts), (part, from, to) -> {
            long[] seen = new long[(c.n + 63) >>> 6];
            int[] visited = new int[1 + 2 * MAX_TWO_HOP];
            for (int r = from; r < to; r++) relatedRow(nb, st, firms == null ? r : firms[r], r, seen, visited, out);
        });
        return out;
    }

    /** Below this many firms {@link #related} runs on the calling thread alone. */
    static final int PARALLEL_MIN = 20_000;

    /**
     * What {@link #relatedRow} reads of a related firm, packed: per firm {@link #STATS} floats (its own measures in the
     * order of {@link OwnMeasure}, its violations, inspected and issues found in 12 months as 0/1), so that one firm
     * is one cache line rather than nine arrays of the city's size; and its violations alone for the 2-hop walk. The
     * values are event counts, exact in a float.
     */
    record FirmStats(float[] packed, float[] violations) {}

    static final int STATS = OwnMeasure.values().length + 3;

    static FirmStats firmStats(IndicatorContext c) {
        return c.cached("learn:related-stats", EVENTS, () -> {
            OwnMeasure[] measures = OwnMeasure.values();
            double[][] own = new double[measures.length][];
            for (int m = 0; m < measures.length; m++) own[m] = own(c, measures[m]);
            double[] viol = violations(c);
            double[] inspected = INSPECTED_12.count(c), issues = ISSUES_12.count(c);
            float[] packed = new float[c.n * STATS];
            float[] v = new float[c.n];
            for (int x = 0; x < c.n; x++) {
                int at = x * STATS;
                for (int m = 0; m < measures.length; m++) packed[at + m] = (float) own[m][x];
                packed[at + measures.length] = (float) viol[x];
                packed[at + measures.length + 1] = inspected[x] > 0 ? 1 : 0;
                packed[at + measures.length + 2] = issues[x] > 0 ? 1 : 0;
                v[x] = (float) viol[x];
            }
            return new FirmStats(packed, v);
        }, FeatureMatrix::addNew);
    }

    /** {@link #firmStats}' patch: the new events added to the firms they name, in place. */
    private static FirmStats addNew(FirmStats st, IndicatorContext next, int[][] added) {
        float[] packed = st.packed(), v = st.violations();
        OwnMeasure[] measures = OwnMeasure.values();
        for (OwnMeasure m : measures) m.count.eachNew(next, added, x -> packed[x * STATS + m.ordinal()]++);
        for (EventCount k : VIOLATIONS) k.eachNew(next, added, x -> { packed[x * STATS + measures.length]++; v[x]++; });
        INSPECTED_12.eachNew(next, added, x -> packed[x * STATS + measures.length + 1] = 1);
        ISSUES_12.eachNew(next, added, x -> packed[x * STATS + measures.length + 2] = 1);
        return st;
    }

    /**
     * One firm's R01..R12 into column {@code r} of {@code out}. {@code seen} is a bit per firm (a few hundred KB at
     * 2.9 M firms, so it stays in the core's cache; an int mark per firm did not), cleared again through
     * {@code visited} before returning.
     */
    private static void relatedRow(Neighbours nb, FirmStats st, int i, int r, long[] seen, int[] visited, double[][] out) {
        int measures = OwnMeasure.values().length;
        float[] packed = st.packed(), viol = st.violations();
        int nv = 0;
        seen[i >>> 6] |= 1L << i;
        visited[nv++] = i;
        int k1 = 0, bad1 = 0, seenInspected = 0, badSeen = 0;
        double[] sums = new double[measures];
        for (int q = nb.offset[i]; q < nb.offset[i + 1]; q++) {
            int x = nb.firm[q];
            seen[x >>> 6] |= 1L << x;
            visited[nv++] = x;
            k1++;
            int at = x * STATS;
            for (int m = 0; m < measures; m++) sums[m] += packed[at + m];
            if (packed[at + measures] > 0) bad1++;
            if (packed[at + measures + 1] > 0) {
                seenInspected++;
                if (packed[at + measures + 2] > 0) badSeen++;
            }
        }
        int k2 = 0, bad2 = 0;
        double s2 = 0;
        outer:
        for (int q = nb.offset[i]; q < nb.offset[i + 1]; q++) {
            int x = nb.firm[q];
            for (int z = nb.offset[x]; z < nb.offset[x + 1]; z++) {
                int y = nb.firm[z];
                long bit = 1L << y;
                if ((seen[y >>> 6] & bit) != 0) continue;
                seen[y >>> 6] |= bit;
                visited[nv++] = y;
                k2++;
                s2 += viol[y];
                if (viol[y] > 0) bad2++;
                if (k2 >= MAX_TWO_HOP) break outer;
            }
        }
        for (int v = 0; v < nv; v++) seen[visited[v] >>> 6] = 0;
        for (int m = 0; m < measures; m++) out[m][r] = sums[m];
        out[6][r] = k1;
        out[7][r] = k1 == 0 ? Double.NaN : (double) bad1 / k1;
        out[8][r] = s2;
        out[9][r] = k2;
        out[10][r] = k2 == 0 ? Double.NaN : (double) bad2 / k2;
        out[11][r] = seenInspected == 0 ? Double.NaN : (double) badSeen / seenInspected;
    }

    /**
     * Each firm's 1-hop related firms (CSR, without itself, no repeats): firms sharing one of its role holders, its
     * enterprise links' other ends, and firms at its address or phone when fewer than {@link #HUB_FIRMS} share it.
     */
    record Neighbours(int[] offset, int[] firm) {}

    static Neighbours neighbours(IndicatorContext c) {
        // undated (roles, links, addresses and phones are not filtered by day): one per city, shared by every window
        return c.data.derived("learn:neighbours", () -> {
            GradingData d = c.data;
            int n = c.n;
            int[][] byFirm = c.rolesByFirm(), byPerson = c.rolesByPerson(), links = c.linksByFirm();
            int[][] address = c.groupMembers(d.entAddress), phone = c.groupMembers(d.entPhone);
            int[] addressOf = groupOf(address, n), phoneOf = groupOf(phone, n);
            int[] offset = new int[n + 1];
            int[] buf = new int[1024];
            int size = 0;
            int[] mark = new int[n];
            java.util.Arrays.fill(mark, -1);
            for (int i = 0; i < n; i++) {
                mark[i] = i;
                int start = size;
                for (int r = byFirm[0][i]; r < byFirm[0][i + 1]; r++) {
                    int p = d.rolePerson[byFirm[1][r]];
                    for (int q = byPerson[0][p]; q < byPerson[0][p + 1]; q++) {
                        int x = d.roleEnt[byPerson[1][q]];
                        if (mark[x] != i) { mark[x] = i; buf = push(buf, size++, x); }
                    }
                }
                for (int l = links[0][i]; l < links[0][i + 1]; l++) {
                    int k = links[1][l];
                    int x = d.linkFrom[k] == i ? d.linkTo[k] : d.linkFrom[k];
                    if (mark[x] != i) { mark[x] = i; buf = push(buf, size++, x); }
                }
                for (int[][] g : new int[][][]{address, phone}) {
                    int grp = g == address ? addressOf[i] : phoneOf[i];
                    if (grp < 0 || g[0][grp + 1] - g[0][grp] > HUB_FIRMS) continue;
                    for (int q = g[0][grp]; q < g[0][grp + 1]; q++) {
                        int x = g[1][q];
                        if (mark[x] != i) { mark[x] = i; buf = push(buf, size++, x); }
                    }
                }
                offset[i + 1] = size;
                if (size - start > MAX_TWO_HOP) { size = start + MAX_TWO_HOP; offset[i + 1] = size; }
            }
            return new Neighbours(offset, java.util.Arrays.copyOf(buf, size));
        });
    }

    private static int[] groupOf(int[][] members, int n) {
        int[] of = new int[n];
        java.util.Arrays.fill(of, -1);
        int groups = members[0].length - 1;
        for (int g = 0; g < groups; g++) for (int q = members[0][g]; q < members[0][g + 1]; q++) of[members[1][q]] = g;
        return of;
    }

    private static int[] push(int[] buf, int at, int x) {
        if (at == buf.length) buf = java.util.Arrays.copyOf(buf, buf.length * 2);
        buf[at] = x;
        return buf;
    }

    /** The firms within two hops of any firm in {@code seeds}, the seeds included (what an event there can change). */
    public static BitSet reach(IndicatorContext c, BitSet seeds) {
        Neighbours nb = neighbours(c);
        BitSet one = (BitSet) seeds.clone();
        for (int i = seeds.nextSetBit(0); i >= 0; i = seeds.nextSetBit(i + 1)) {
            for (int k = nb.offset[i]; k < nb.offset[i + 1]; k++) one.set(nb.firm[k]);
        }
        BitSet two = (BitSet) one.clone();
        for (int i = one.nextSetBit(0); i >= 0; i = one.nextSetBit(i + 1)) {
            for (int k = nb.offset[i]; k < nb.offset[i + 1]; k++) two.set(nb.firm[k]);
        }
        return two;
    }
}
