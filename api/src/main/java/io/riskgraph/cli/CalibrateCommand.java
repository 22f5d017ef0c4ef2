package io.riskgraph.cli;

import io.riskgraph.risk.grading.GradingModel;
import io.riskgraph.risk.grading.IndicatorContext;
import io.riskgraph.risk.grading.ModelParser;
import io.riskgraph.risk.grading.ModelTuner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = {"Fit the general model's points and weights to historical outcomes (regularised logistic regression,",
                "k-fold cross-validated over the L2 strengths) and write the result as a new model version (version + 1).",
                "Prints the held-out AUC per fold and strength and the strength chosen."})
final class CalibrateCommand implements Callable<Integer> {
    static final List<Double> L2_GRID_DEFAULT = List.of(1e-4, 1e-3, 1e-2);

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Mixin
    GradingOptions grading;

    @Option(names = "--labels", paramLabel = "FILE", required = true,
            description = "Outcomes: uscc,label (true/false or 1/0) or the generator's truth.csv.")
    Path labels;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "Where the new model version is written.")
    Path outFile;

    @Option(names = "--folds", paramLabel = "K", defaultValue = "5", description = "Cross-validation folds, 2..20 (default: ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--l2", paramLabel = "L2", split = ",",
            description = "L2 strengths to cross-validate (default: 0.0001,0.001,0.01).")
    List<Double> l2;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        GradingModel model = grading.model();
        if (folds < 2 || folds > 20) throw new IllegalArgumentException("--folds must be in 2..20, got " + folds);
        List<Double> grid = l2 == null || l2.isEmpty() ? L2_GRID_DEFAULT : l2;
        for (double v : grid) if (!(v >= 0) || Double.isInfinite(v)) throw new IllegalArgumentException("--l2 values must be finite and >= 0, got " + v);
        if (outFile.getParent() != null && !Files.isDirectory(outFile.getParent())) {
            throw new IllegalArgumentException("--out " + outFile + ": the folder does not exist");
        }
        Map<String, Boolean> outcomes = TruthFile.read(labels);
        try (StoreOptions.OpenStore open = storeOptions.open()) {
            IndicatorContext ctx = GradingOptions.context(open.store(), grading.asOfOrNull());
            ModelTuner.CrossValidation cv = ModelTuner.DEFAULT.calibrate(ctx, model, outcomes, folds, grid,
                    "calibrated by 'riskgraph calibrate' from " + model.name() + " on labels " + labels.getFileName());
            for (ModelTuner.Fold f : cv.folds()) {
                out.printf(Locale.ROOT, "L2 %-8s fold %2d  held-out %,7d  AUC %.4f%n", f.l2(), f.fold() + 1, f.heldOut(), f.auc());
            }
            for (double v : grid) out.printf(Locale.ROOT, "L2 %-8s mean AUC %.4f%n", v, cv.meanAuc(v));
            // the new file must load before it replaces anything; written beside, then moved into place
            GradingModel next = ModelParser.parse(outFile.getFileName().toString(), cv.model());
            Path tmp = Files.createTempFile(outFile.toAbsolutePath().getParent(), ".calibrate", ".properties");
            Files.writeString(tmp, cv.model());
            Files.move(tmp, outFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            out.printf(Locale.ROOT, "Chosen L2 %s (mean held-out AUC %.4f); model %s written to %s%n", cv.chosenL2(),
                    cv.meanAuc(cv.chosenL2()), next.name(), outFile);
        }
        return Main.OK;
    }
}
