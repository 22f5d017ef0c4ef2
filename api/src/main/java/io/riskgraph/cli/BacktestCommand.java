package io.riskgraph.cli;

import io.riskgraph.algorithms.grading.Backtest;
import io.riskgraph.algorithms.grading.Category;
import io.riskgraph.algorithms.grading.Grader;
import io.riskgraph.algorithms.grading.GraderParams;
import io.riskgraph.algorithms.grading.GradingModel;
import io.riskgraph.algorithms.grading.IndicatorContext;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = {"Score every enterprise (nothing is written) and compare with known outcomes: ROC AUC, and the",
                "violation rate when inspecting the top share by score against random selection; then the same with",
                "the NETWORK indicators switched off (ablation)."})
final class BacktestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Mixin
    GradingOptions grading;

    @Option(names = "--truth", paramLabel = "FILE", required = true,
            description = "CSV with uscc and violation_next_half_year (the generator's truth.csv) or uscc,label.")
    Path truth;

    @Option(names = "--coverage", paramLabel = "SHARE", defaultValue = "0.30",
            description = "Share of enterprises inspected, highest scores first (default: ${DEFAULT-VALUE}).")
    double coverage;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        GradingModel model = grading.model();
        Map<String, Boolean> labels = readTruth(truth);
        if (!(coverage > 0 && coverage <= 1)) throw new IllegalArgumentException("--coverage must be in (0, 1], got " + coverage);
        try (StoreOptions.OpenStore open = storeOptions.open()) {
            IndicatorContext ctx = GradingOptions.context(open.store(), grading.asOfOrNull());
            out.printf("Model %s as of %s, %,d enterprises, truth %s (%,d rows)%n", model.name(), ctx.asOf, ctx.n, truth,
                    labels.size());
            Backtest.Result full = run(ctx, model, GraderParams.DEFAULT, labels);
            Backtest.Result ablated = run(ctx, model, GraderParams.DEFAULT.without(Category.NETWORK), labels);
            print(out, "all indicators", full);
            print(out, "without NETWORK", ablated);
            out.printf(Locale.ROOT, "network adds: AUC %+.4f, hit rate %+.4f (lift %+.2f)%n", full.auc() - ablated.auc(),
                    full.hitRate() - ablated.hitRate(), full.lift() - ablated.lift());
        }
        return Main.OK;
    }

    static Backtest.Result run(IndicatorContext ctx, GradingModel model, GraderParams params, Map<String, Boolean> labels) {
        Grader.Grades g = Grader.grade(ctx, model, params);
        int k = 0;
        double[] s = new double[ctx.n];
        boolean[] l = new boolean[ctx.n];
        for (int i = 0; i < ctx.n; i++) {
            Boolean v = labels.get(ctx.data.uscc[i]);
            if (v == null) continue;
            s[k] = g.score()[i];
            l[k++] = v;
        }
        return Backtest.evaluate(java.util.Arrays.copyOf(s, k), java.util.Arrays.copyOf(l, k), Backtest.COVERAGE_DEFAULT);
    }

    private void print(PrintWriter out, String what, Backtest.Result r) {
        out.printf(Locale.ROOT, "%-16s AUC %.4f | top %.0f %%: hit rate %.4f vs base %.4f = %.2fx (%,d labelled, %,d positive)%n",
                what, r.auc(), r.coverage() * 100, r.hitRate(), r.baseRate(), r.lift(), r.labelled(), r.positives());
    }

    /** uscc -> label, from the generator's truth.csv or a user's uscc,label file. */
    static Map<String, Boolean> readTruth(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new IllegalArgumentException("--truth " + file + " is not a file");
        Map<String, Boolean> out = new HashMap<>();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get().parse(r)) {
            String col = p.getHeaderMap().containsKey("violation_next_half_year") ? "violation_next_half_year"
                    : p.getHeaderMap().containsKey("label") ? "label" : null;
            if (!p.getHeaderMap().containsKey("uscc") || col == null) {
                throw new IllegalArgumentException(file + ": the header needs uscc and violation_next_half_year (or label), got "
                        + p.getHeaderNames());
            }
            for (CSVRecord rec : p) {
                String v = rec.get(col).toLowerCase(Locale.ROOT);
                Boolean b = switch (v) {
                    case "true", "1", "yes" -> true;
                    case "false", "0", "no" -> false;
                    default -> throw new IllegalArgumentException(file + ":" + (rec.getRecordNumber() + 1) + ": " + col
                            + " must be true/false or 1/0, got '" + rec.get(col) + "'");
                };
                out.put(rec.get("uscc"), b);
            }
        }
        if (out.isEmpty()) throw new IllegalArgumentException(file + " has no labelled rows");
        return out;
    }
}
