package io.riskgraph.cli;

import io.riskgraph.risk.grading.Grader;
import io.riskgraph.risk.grading.GraderParams;
import io.riskgraph.risk.grading.IndicatorContext;
import io.riskgraph.risk.grading.RiskModel;
import io.riskgraph.risk.learning.LearnedModel;
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
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Mixin
    GradingOptions grading;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        RiskModel model = grading.active(storeOptions);
        LocalDate asOf = grading.asOfOrNull();
        try (StoreOptions.OpenStore open = storeOptions.open()) {
            gradeAll(open.store(), model, asOf, out, "");
        }
        return Main.OK;
    }

    /** Grades every enterprise, writes the results back and prints the distribution (each line after indent). */
    static void gradeAll(GraphStore store, RiskModel model, LocalDate asOf, PrintWriter out, String indent) {
        gradeAll(store, null, model, asOf, out, indent);
    }

    /** The same, on grading data already read from the store (null: read it). */
    static void gradeAll(GraphStore store, io.riskgraph.risk.grading.GradingData data, RiskModel model, LocalDate asOf,
                         PrintWriter out, String indent) {
        long t = System.nanoTime();
        // each phase takes minutes at city scale: say which one runs
        ConsoleProgress progress = new ConsoleProgress(System.err);
        if (data == null) progress.start("reading the graph", -1);
        IndicatorContext ctx = GradingOptions.context(store, data, asOf);
        long read = System.nanoTime();
        progress.start(String.format(java.util.Locale.ROOT, "scoring %,d enterprises with %s", ctx.n, model.name()), -1);
        Grader.Grades g = model.grade(ctx, GraderParams.DEFAULT);
        long scored = System.nanoTime();
        progress.start("writing the grades", -1);
        long written = write(store, ctx, g);
        long end = System.nanoTime();
        long professional = java.util.Arrays.stream(g.modelName()).filter(m -> m.contains("+")).count();
        out.printf("%sGraded %,d enterprises with model %s and %d professional models (%,d firms refined) as of %s in %,d ms "
                + "(%,d properties written; read %,d ms, score %,d ms, write %,d ms)%n", indent, ctx.n, model.name(),
                model.professionalCount(), professional, ctx.asOf, (end - t) / 1_000_000, written,
                (read - t) / 1_000_000, (scored - read) / 1_000_000, (end - scored) / 1_000_000);
        long[] d = g.distribution();
        double[] expected = model instanceof LearnedModel lm ? lm.expectedDetection() : null;
        if (expected != null) out.printf("%s  grade      firms   share   expected detection (back-test)%n", indent);
        for (int i = 0; i < 4; i++) {
            out.printf("%s  %c  %,9d  %5.1f %%%s%n", indent, (char) ('A' + i), d[i], 100.0 * d[i] / Math.max(1, ctx.n),
                    expected == null ? "" : Double.isNaN(expected[i]) ? "   -" : String.format(java.util.Locale.ROOT, "   %5.1f %%", 100 * expected[i]));
        }
    }

    static long write(GraphStore store, IndicatorContext ctx, Grader.Grades g) {
        return io.riskgraph.risk.grading.GradeWriter.write(store, ctx, g, null);
    }

    static List<String> columns() { return List.of("uscc", "score", "grade", "model", "reasons"); }
}
