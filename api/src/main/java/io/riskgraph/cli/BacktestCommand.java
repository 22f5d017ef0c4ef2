package io.riskgraph.cli;

import io.riskgraph.risk.grading.Backtest;
import io.riskgraph.risk.grading.Category;
import io.riskgraph.risk.grading.Grader;
import io.riskgraph.risk.grading.GraderParams;
import io.riskgraph.risk.grading.GradingModel;
import io.riskgraph.risk.grading.IndicatorContext;
import io.riskgraph.risk.grading.ModelSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
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

    @Option(names = "--tune-professional-out", paramLabel = "DIR",
            description = {"Also fit each professional model in force (--professional) on the firms of its scope and write",
                    "the tuned files into this folder (same versions; the general model's first pass is used)."})
    Path tuneProfessionalOut;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        ModelSet models = grading.models();
        GradingModel model = models.general();
        Map<String, Boolean> labels = TruthFile.read(truth);
        if (!(coverage > 0 && coverage <= 1)) throw new IllegalArgumentException("--coverage must be in (0, 1], got " + coverage);
        try (StoreOptions.OpenStore open = storeOptions.open()) {
            IndicatorContext ctx = GradingOptions.context(open.store(), grading.asOfOrNull());
            out.printf("Model %s with %d professional models as of %s, %,d enterprises, truth %s (%,d rows)%n", model.name(),
                    models.professional().size(), ctx.asOf, ctx.n, truth, labels.size());
            Grader.Grades combined = Grader.grade(ctx, models, GraderParams.DEFAULT);
            Backtest.Result full = Backtest.evaluate(ctx, combined, labels, coverage);
            Backtest.Result ablated = Backtest.evaluate(ctx, Grader.grade(ctx, models, GraderParams.DEFAULT.without(Category.NETWORK)),
                    labels, coverage);
            print(out, "all indicators", full);
            print(out, "without NETWORK", ablated);
            out.printf(Locale.ROOT, "network adds: AUC %+.4f, hit rate %+.4f (lift %+.2f)%n", full.auc() - ablated.auc(),
                    full.hitRate() - ablated.hitRate(), full.lift() - ablated.lift());
            if (!models.professional().isEmpty()) {
                Backtest.Result generalOnly = run(ctx, model, GraderParams.DEFAULT, labels);
                print(out, "general model only", generalOnly);
                out.printf(Locale.ROOT, "professional models add: AUC %+.4f, lift %+.2f%n", full.auc() - generalOnly.auc(),
                        full.lift() - generalOnly.lift());
                perSegment(out, ctx, models, combined, Grader.grade(ctx, model, GraderParams.DEFAULT), labels);
            }
            if (tuneOut != null) {
                String text = io.riskgraph.risk.grading.ModelTuner.DEFAULT.tune(ctx, model, labels,
                        "tuned by 'riskgraph backtest --tune-out' on truth " + truth.getFileName());
                // the tuned file must load before it is offered
                io.riskgraph.risk.grading.ModelParser.parse(tuneOut.getFileName().toString(), text);
                java.nio.file.Files.writeString(tuneOut, text);
                GradingModel tuned = io.riskgraph.risk.grading.ModelParser.parse(tuneOut);
                print(out, "tuned (in-sample)", run(ctx, tuned, GraderParams.DEFAULT, labels));
                print(out, "tuned w/o NETWORK", run(ctx, tuned, GraderParams.DEFAULT.without(Category.NETWORK), labels));
                out.println("Tuned model written to " + tuneOut);
            }
            if (tuneProfessionalOut != null) tuneProfessional(out, ctx, models, labels);
        }
        return Main.OK;
    }

    private void tuneProfessional(PrintWriter out, IndicatorContext ctx, ModelSet models, Map<String, Boolean> labels)
            throws IOException {
        if (models.professional().isEmpty()) throw new IllegalArgumentException("--tune-professional-out needs professional models (--professional DIR)");
        java.nio.file.Files.createDirectories(tuneProfessionalOut);
        List<String> texts = ModelSet.tuneProfessional(ctx, models, labels, io.riskgraph.risk.grading.ModelTuner.DEFAULT,
                "tuned by 'riskgraph backtest --tune-professional-out' on truth " + truth.getFileName() + " (the firms of its scope only)");
        for (int k = 0; k < texts.size(); k++) {
            GradingModel p = models.professional().get(k);
            String name = p.id() + "-v" + p.version() + ".properties";
            io.riskgraph.risk.grading.ModelParser.parse(name, texts.get(k));
            java.nio.file.Files.writeString(tuneProfessionalOut.resolve(name), texts.get(k));
            out.println("Tuned professional model written to " + tuneProfessionalOut.resolve(name));
        }
    }

    /** Per professional model: the firms it refines, their AUC and top-30 % lift under the general and the combined grade. */
    private void perSegment(PrintWriter out, IndicatorContext ctx, ModelSet models, Grader.Grades combined,
                            Grader.Grades general, Map<String, Boolean> labels) {
        out.printf("%-28s %8s %8s %9s %9s %8s %8s%n", "professional model", "firms", "positive", "AUC gen", "AUC comb",
                "lift gen", "lift cmb");
        for (GradingModel p : models.professional()) {
            String applied = models.general().name() + "+" + p.name();
            java.util.List<Double> sg = new java.util.ArrayList<>(), sc = new java.util.ArrayList<>();
            java.util.List<Boolean> l = new java.util.ArrayList<>();
            for (int i = 0; i < ctx.n; i++) {
                Boolean v = labels.get(ctx.data.uscc[i]);
                if (v == null || !combined.modelName()[i].equals(applied)) continue;
                sg.add(general.score()[i]);
                sc.add(combined.score()[i]);
                l.add(v);
            }
            long pos = l.stream().filter(b -> b).count();
            if (pos == 0 || pos == l.size()) {
                out.printf("%-28s %,8d %,8d %9s %9s%n", p.name(), l.size(), pos, "-", "-");
                continue;
            }
            boolean[] lab = new boolean[l.size()];
            for (int i = 0; i < lab.length; i++) lab[i] = l.get(i);
            Backtest.Result rg = Backtest.evaluate(sg.stream().mapToDouble(Double::doubleValue).toArray(), lab, coverage);
            Backtest.Result rc = Backtest.evaluate(sc.stream().mapToDouble(Double::doubleValue).toArray(), lab, coverage);
            out.printf(Locale.ROOT, "%-28s %,8d %,8d %9.4f %9.4f %8.2f %8.2f%n", p.name(), l.size(), pos, rg.auc(), rc.auc(),
                    rg.lift(), rc.lift());
        }
    }

    private Backtest.Result run(IndicatorContext ctx, GradingModel model, GraderParams params, Map<String, Boolean> labels) {
        return Backtest.evaluate(ctx, Grader.grade(ctx, model, params), labels, coverage);
    }

    private void print(PrintWriter out, String what, Backtest.Result r) {
        out.printf(Locale.ROOT, "%-18s AUC %.4f | top %.0f %%: hit rate %.4f vs base %.4f = %.2fx (%,d labelled, %,d positive)%n",
                what, r.auc(), r.coverage() * 100, r.hitRate(), r.baseRate(), r.lift(), r.labelled(), r.positives());
    }
}
