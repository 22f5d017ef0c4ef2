package io.riskgraph.risk.planning;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The "double random" draw of enterprises: per grade, round(ratio × enterprises of that grade) drawn uniformly without
 * replacement. A pure function of the snapshot (sorted by USCC), the ratios and the seed: the same inputs give the
 * same draw, which is what makes a plan auditable.
 */
public final class Sampler {
    private Sampler() {}

    /** How many of {@code population} a ratio draws. */
    public static int drawCount(double ratio, int population) {
        return (int) Math.min(population, Math.round(ratio * population));
    }

    /** The drawn entries, grade A first, each grade in draw order. */
    public static List<GradeSnapshot.Entry> draw(GradeSnapshot snapshot, SamplingRatios ratios, long seed) {
        List<List<GradeSnapshot.Entry>> byGrade = new ArrayList<>();
        for (int g = 0; g < 4; g++) byGrade.add(new ArrayList<>());
        for (GradeSnapshot.Entry e : snapshot.entries()) byGrade.get(e.grade() - 'A').add(e);
        List<GradeSnapshot.Entry> out = new ArrayList<>();
        for (int g = 0; g < 4; g++) {
            List<GradeSnapshot.Entry> pool = byGrade.get(g);
            int k = drawCount(ratios.of((char) ('A' + g)), pool.size());
            out.addAll(firstOfShuffle(pool, k, stream(seed, g)));
        }
        return out;
    }

    /** The first k of a seeded Fisher-Yates shuffle of the list (the list is not changed). */
    static <T> List<T> firstOfShuffle(List<T> list, int k, SplittableRandom r) {
        List<T> a = new ArrayList<>(list);
        for (int i = 0; i < k; i++) {
            int j = i + r.nextInt(a.size() - i);
            T t = a.get(i);
            a.set(i, a.get(j));
            a.set(j, t);
        }
        return a.subList(0, k);
    }

    /** An independent random stream per purpose, so that changing one grade's ratio leaves the others' draws alone. */
    static SplittableRandom stream(long seed, long purpose) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + purpose * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL);
    }
}
