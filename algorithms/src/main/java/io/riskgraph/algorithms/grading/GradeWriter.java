package io.riskgraph.algorithms.grading;

import io.riskgraph.store.GraphStore;

import java.util.LinkedHashMap;
import java.util.Map;

/** Writes grades onto Enterprise nodes: score, grade, grade_model and reasons (docs/models.md). */
public final class GradeWriter {
    public static final int WRITE_BATCH = 10_000;
    /** The day the grades were computed as of (a plan's grade snapshot records it). */
    public static final String AS_OF_PROPERTY = "grade_as_of";

    private GradeWriter() {}

    /** Writes the grades of the given enterprise indices (all when null); returns the properties written. */
    public static long write(GraphStore store, IndicatorContext ctx, Grader.Grades g, int[] which) {
        int total = which == null ? ctx.n : which.length;
        long written = 0;
        for (int from = 0; from < total; from += WRITE_BATCH) {
            int k = Math.min(total, from + WRITE_BATCH) - from;
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
            written += store.writeNodeProperties(ids, cols).propertiesSet();
        }
        return written;
    }
}
