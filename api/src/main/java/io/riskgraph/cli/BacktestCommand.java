package io.riskgraph.cli;

import io.riskgraph.algorithms.grading.Backtest;
import io.riskgraph.algorithms.grading.Category;
import io.riskgraph.algorithms.grading.Grader;
import io.riskgraph.algorithms.grading.GraderParams;
import io.riskgraph.algorithms.grading.GradingModel;
import io.riskgraph.algorithms.grading.IndicatorContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
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

    @Option(names = "--tune-out", paramLabel = "FILE",
            description = {"Also fit the model's points, weights and cut-offs to this truth and write the tuned model",
                    "file here (evaluate it on a city with a different seed)."})
    Path tuneOut;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        GradingModel model = grading.model();
        Map<String, Boolean> labels = TruthFile.read(truth);
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
            if (tuneOut != null) {
                String text = io.riskgraph.algorithms.grading.ModelTuner.DEFAULT.tune(ctx, model, labels,
                        "tuned by 'riskgraph backtest --tune-out' on truth " + truth.getFileName());
                // the tuned file must load before it is offered
                io.riskgraph.algorithms.grading.ModelParser.parse(tuneOut.getFileName().toString(), text);
                java.nio.file.Files.writeString(tuneOut, text);
                GradingModel tuned = io.riskgraph.algorithms.grading.ModelParser.parse(tuneOut);
                print(out, "tuned (in-sample)", run(ctx, tuned, GraderParams.DEFAULT, labels));
                print(out, "tuned w/o NETWORK", run(ctx, tuned, GraderParams.DEFAULT.without(Category.NETWORK), labels));
                out.println("Tuned model written to " + tuneOut);
            }
        }
        return Main.OK;
    }

    private Backtest.Result run(IndicatorContext ctx, GradingModel model, GraderParams params, Map<String, Boolean> labels) {
        return Backtest.evaluate(ctx, Grader.grade(ctx, model, params), labels, coverage);
    }

    private void print(PrintWriter out, String what, Backtest.Result r) {
        out.printf(Locale.ROOT, "%-18s AUC %.4f | top %.0f %%: hit rate %.4f vs base %.4f = %.2fx (%,d labelled, %,d positive)%n",
                what, r.auc(), r.coverage() * 100, r.hitRate(), r.baseRate(), r.lift(), r.labelled(), r.positives());
    }
}
