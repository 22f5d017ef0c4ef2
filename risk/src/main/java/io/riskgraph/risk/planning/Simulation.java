package io.riskgraph.risk.planning;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What a grade-weighted draw finds against uniform random selection, on a dataset whose violations are known (the
 * generator's truth.csv). An inspection is counted as finding a violation when the enterprise is in violation: the
 * detection rate of an on-site check is the same under both policies, so it scales both sides equally.
 */
public final class Simulation {
    /** Per grade: enterprises, their violations, drawn, violations among the drawn. */
    public record GradeRow(char grade, int enterprises, int violations, int drawn, int found) {}

    /**
     * @param enterprises        snapshot enterprises with a known outcome
     * @param withoutTruth       snapshot enterprises the truth file does not list (left out)
     * @param violations         violations among them
     * @param planned            inspections the grade-weighted draw makes
     * @param plannedFound       violations among them
     * @param uniformFound       violations a seeded uniform draw of the same budget finds
     * @param uniformExpected    what uniform selection finds at that budget on average (planned × base rate)
     * @param uniformBudget      inspections uniform selection needs on average to find plannedFound
     *                           (ceil(plannedFound / base rate))
     * @param uniformBudgetDrawn inspections a seeded uniform order needs until it has found plannedFound
     * @param reduction          1 − planned / uniformBudget: the share of inspections saved at equal findings
     */
    public record Result(int enterprises, int withoutTruth, int violations, int planned, int plannedFound, int uniformFound,
                         double uniformExpected, long uniformBudget, long uniformBudgetDrawn, double reduction,
                         List<GradeRow> grades) {}

    private Simulation() {}

    public static Result run(GradeSnapshot snapshot, Map<String, Boolean> truth, SamplingRatios ratios, long seed) {
        List<GradeSnapshot.Entry> known = new ArrayList<>();
        for (GradeSnapshot.Entry e : snapshot.entries()) if (truth.containsKey(e.uscc())) known.add(e);
        if (known.isEmpty()) throw new IllegalArgumentException("the truth file names none of the plan's enterprises");
        GradeSnapshot s = GradeSnapshot.of(known, snapshot.asOf());
        int[] n = new int[4], v = new int[4], drawn = new int[4], found = new int[4];
        for (GradeSnapshot.Entry e : known) {
            n[e.grade() - 'A']++;
            if (truth.get(e.uscc())) v[e.grade() - 'A']++;
        }
        for (GradeSnapshot.Entry e : Sampler.draw(s, ratios, seed)) {
            drawn[e.grade() - 'A']++;
            if (truth.get(e.uscc())) found[e.grade() - 'A']++;
        }
        int planned = sum(drawn), plannedFound = sum(found), violations = sum(v), total = known.size();
        double base = (double) violations / total;
        // uniform random: one seeded order of all enterprises; its first `planned` are the same-budget draw
        List<GradeSnapshot.Entry> order = Sampler.firstOfShuffle(s.entries(), total, Sampler.stream(seed, 201));
        int uniformFound = 0;
        long needed = -1;
        int running = 0;
        for (int i = 0; i < total; i++) {
            if (truth.get(order.get(i).uscc())) running++;
            if (i + 1 == planned) uniformFound = running;
            if (needed < 0 && running >= plannedFound) needed = i + 1;
        }
        if (planned == 0) uniformFound = 0;
        if (plannedFound == 0) needed = 0;
        long budget = base == 0 ? 0 : (long) Math.ceil(plannedFound / base - 1e-9);
        double reduction = budget == 0 ? 0 : 1 - (double) planned / budget;
        List<GradeRow> rows = new ArrayList<>();
        for (int g = 0; g < 4; g++) rows.add(new GradeRow((char) ('A' + g), n[g], v[g], drawn[g], found[g]));
        return new Result(total, snapshot.entries().size() - total, violations, planned, plannedFound, uniformFound,
                planned * base, budget, needed, reduction, List.copyOf(rows));
    }

    private static int sum(int[] a) {
        int s = 0;
        for (int x : a) s += x;
        return s;
    }
}
