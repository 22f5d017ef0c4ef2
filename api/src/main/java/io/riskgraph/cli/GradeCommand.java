package io.riskgraph.cli;

import io.riskgraph.algorithms.grading.Grader;
import io.riskgraph.algorithms.grading.GraderParams;
import io.riskgraph.algorithms.grading.GradingModel;
import io.riskgraph.algorithms.grading.IndicatorContext;
import io.riskgraph.store.GraphStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "grade", mixinStandardHelpOptions = true,
        description = {"Grade every enterprise A (low risk) to D (high risk) with a model and write score, grade,",
                "grade_model and reasons onto the Enterprise nodes; prints the grade distribution.",
                "Run analyze first: the network indicators read its results."})
final class GradeCommand implements Callable<Integer> {
    static final int WRITE_BATCH = 10_000;

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Mixin
    GradingOptions grading;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        GradingModel model = grading.model();
        LocalDate asOf = grading.asOfOrNull();
        try (StoreOptions.OpenStore open = storeOptions.open()) {
            gradeAll(open.store(), model, asOf, out, "");
        }
        return Main.OK;
    }

    /** Grades every enterprise, writes the results back and prints the distribution (each line after indent). */
    static void gradeAll(GraphStore store, GradingModel model, LocalDate asOf, PrintWriter out, String indent) {
        long t = System.nanoTime();
        IndicatorContext ctx = GradingOptions.context(store, asOf);
        Grader.Grades g = Grader.grade(ctx, model, GraderParams.DEFAULT);
        long written = write(store, ctx, g);
        out.printf("%sGraded %,d enterprises with model %s as of %s in %,d ms (%,d properties written)%n", indent,
                ctx.n, model.name(), ctx.asOf, (System.nanoTime() - t) / 1_000_000, written);
        long[] d = g.distribution();
        for (int i = 0; i < 4; i++) {
            out.printf("%s  %c  %,9d  %5.1f %%%n", indent, (char) ('A' + i), d[i], 100.0 * d[i] / Math.max(1, ctx.n));
        }
    }

    static long write(GraphStore store, IndicatorContext ctx, Grader.Grades g) {
        return write(store, ctx, g, e -> true);
    }

    /** Writes the grades of the enterprises (by index) that {@code include} accepts. */
    static long write(GraphStore store, IndicatorContext ctx, Grader.Grades g, java.util.function.IntPredicate include) {
        long written = 0;
        int[] chosen = java.util.stream.IntStream.range(0, ctx.n).filter(include).toArray();
        for (int from = 0; from < chosen.length; from += WRITE_BATCH) {
            int to = Math.min(chosen.length, from + WRITE_BATCH);
            int k = to - from;
            long[] ids = new long[k];
            Object[] score = new Object[k], grade = new Object[k], model = new Object[k], reasons = new Object[k];
            Object[] asOf = new Object[k];
            for (int i = 0; i < k; i++) {
                int e = chosen[from + i];
                asOf[i] = ctx.asOf;
                ids[i] = ctx.data.enterpriseIds[e];
                score[i] = g.score()[e];
                grade[i] = String.valueOf(g.grade()[e]);
                model[i] = g.model().name();
                reasons[i] = g.reasons().get(e).stream().map(Grader.Reason::text).toList();
            }
            Map<String, Object[]> cols = new LinkedHashMap<>();
            cols.put("score", score);
            cols.put("grade", grade);
            cols.put("grade_model", model);
            cols.put("reasons", reasons);
            cols.put(io.riskgraph.algorithms.planning.GradeSnapshot.AS_OF_PROPERTY, asOf);
            written += store.writeNodeProperties(ids, cols).propertiesSet();
        }
        return written;
    }

    static List<String> columns() { return List.of("uscc", "score", "grade", "model", "reasons"); }
}
