package io.riskgraph.risk.grading;

import io.riskgraph.algorithms.internal.Parallel;
import io.riskgraph.store.GraphStore;

import java.util.LinkedHashMap;
import java.util.Map;

/** Writes grades onto Enterprise nodes: score, grade, grade_model and reasons (docs/models.md). */
public final class GradeWriter {
    public static final int WRITE_BATCH = 10_000;
    /** The day the grades were computed as of (a plan's grade snapshot records it). */
    public static final String AS_OF_PROPERTY = "grade_as_of";

    private GradeWriter() {}

    /**
     * Concurrent write transactions: each writes its own firms, so they never wait on each other's locks, and the
     * client's batch building overlaps the server's work (2.9 M firms: 126 s with one writer, see BENCHMARKS.md).
     */
    public static final int WRITERS = 2;

    /** Writes the grades of the given enterprise indices (all when null); returns the properties written. */
    public static long write(GraphStore store, IndicatorContext ctx, Grader.Grades g, int[] which) {
        int total = which == null ? ctx.n : which.length;
        int parts = Math.max(1, Math.min(WRITERS, (total + WRITE_BATCH - 1) / WRITE_BATCH));
        int[] bounds = new int[parts + 1];
        for (int p = 0; p <= parts; p++) bounds[p] = (int) ((long) total * p / parts);
        long[] written = new long[parts];
        Parallel.run(bounds, (part, start, stop) -> {
            for (int from = start; from < stop; from += WRITE_BATCH) {
                written[part] += writeBatch(store, ctx, g, which, from, Math.min(stop, from + WRITE_BATCH) - from);
            }
        });
        return java.util.Arrays.stream(written).sum();
    }

    private static long writeBatch(GraphStore store, IndicatorContext ctx, Grader.Grades g, int[] which, int from, int k) {
        long[] ids = new long[k];
        Object[] score = new Object[k], grade = new Object[k], model = new Object[k], reasons = new Object[k];
        Object[] asOf = new Object[k];
        for (int i = 0; i < k; i++) {
            int e = which == null ? from + i : which[from + i];
            ids[i] = ctx.data.enterpriseIds[e];
            asOf[i] = ctx.asOf;
            score[i] = g.score()[e];
            grade[i] = String.valueOf(g.grade()[e]);
            model[i] = g.modelName()[e];
            reasons[i] = g.reasons().get(e).stream().map(Grader.Reason::text).toList();
        }
        Map<String, Object[]> cols = new LinkedHashMap<>();
        cols.put("score", score);
        cols.put("grade", grade);
        cols.put("grade_model", model);
        cols.put("reasons", reasons);
        cols.put(AS_OF_PROPERTY, asOf);
        return store.writeNodeProperties(ids, cols).propertiesSet();
    }
}
