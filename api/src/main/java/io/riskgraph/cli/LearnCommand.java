package io.riskgraph.cli;

import io.riskgraph.progress.Cancellation;
import io.riskgraph.risk.grading.GradingData;
import io.riskgraph.risk.grading.ModelSet;
import io.riskgraph.risk.learning.LearnParams;
import io.riskgraph.risk.learning.Learner;
import io.riskgraph.risk.learning.ModelRegistry;
import io.riskgraph.risk.learning.Outcomes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "learn", mixinStandardHelpOptions = true,
        description = {"Learn the grading model from outcomes, check it out of time against the shipped model (the prior)",
                "and a one-line baseline, save it in the store's model registry and make it the active model",
                "when it beats the prior. Labels come from the store's own inspection history (default) or from",
                "a uscc,label file. grade, regrade, serve and plan then use it (docs/models.md, \"Learning\")."})
final class LearnCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--labels", paramLabel = "FILE",
            description = "A uscc,label file (label 1/0 or true/false) for any binary outcome; features are taken as of --as-of.")
    Path labels;

    @Option(names = "--as-of", paramLabel = "DATE",
            description = "The day the model learns up to (ISO; default: the latest event day in the store).")
    String asOf;

    @Option(names = "--window", paramLabel = "DAYS", defaultValue = "" + LearnParams.WINDOW_DAYS_DEFAULT,
            description = "Length of a label window in days (default: ${DEFAULT-VALUE}, about six months).")
    int window;

    @Option(names = "--kind", paramLabel = "trees|scorecard", defaultValue = "trees",
            description = "trees: gradient-boosted trees (XGBoost, default); scorecard: a logistic regression (XGBoost's linear booster).")
    String kind;

    @Option(names = "--random-weight", paramLabel = "W", defaultValue = "0",
            description = "Weight of a firm drawn by a double-random inspection against a targeted one; 0 = automatic, 1 = no bias correction.")
    double randomWeight;

    @Option(names = "--grade-shares", paramLabel = "D,C,B", defaultValue = "0.05,0.15,0.30",
            description = "Shares of the population graded D, C and B (the rest A), riskiest first (default: ${DEFAULT-VALUE}).")
    String gradeShares;

    @Option(names = "--force", description = "Activate the learned model even when it does not beat the prior out of time.")
    boolean force;

    @Option(names = "--no-activate", description = "Save the model without activating it.")
    boolean noActivate;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        LearnParams params = params();
        LocalDate day = GradingOptions.parseDay(asOf, "--as-of");
        if (labels != null && !java.nio.file.Files.isRegularFile(labels)) {
            throw new IllegalArgumentException("labels file " + labels + " does not exist");
        }
        try (StoreOptions.OpenStore open = storeOptions.open()) {
            learn(open, params, labels, day, force, !noActivate, out, "");
        }
        return Main.OK;
    }

    LearnParams params() {
        LearnParams.Kind k = switch (kind.strip().toLowerCase(Locale.ROOT)) {
            case "trees" -> LearnParams.Kind.TREES;
            case "scorecard" -> LearnParams.Kind.SCORECARD;
            default -> throw new IllegalArgumentException("--kind must be trees or scorecard, got '" + kind + "'");
        };
        String[] parts = gradeShares.split(",");
        if (parts.length != 3) throw new IllegalArgumentException("--grade-shares takes three shares D,C,B such as 0.05,0.15,0.30");
        double[] shares = new double[3];
        for (int i = 0; i < 3; i++) {
            try {
                shares[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--grade-shares: '" + parts[i].strip() + "' is not a number");
            }
        }
        return LearnParams.DEFAULT.withKind(k).withWindowDays(window).withRandomWeight(randomWeight).withGradeShares(shares);
    }

    /** Learns, prints the back-test, saves the model and activates it when it beats the prior (or forced). */
    static void learn(StoreOptions.OpenStore open, LearnParams params, Path labels, LocalDate asOf, boolean force,
                      boolean activate, PrintWriter out, String indent) {
        learn(open, null, params, labels, asOf, force, activate, out, indent);
    }

    /** The same, on grading data already read from the store (null: read it). */
    static void learn(StoreOptions.OpenStore open, GradingData read, LearnParams params, Path labels, LocalDate asOf,
                      boolean force, boolean activate, PrintWriter out, String indent) {
        long t = System.nanoTime();
        if (read == null) new ConsoleProgress(System.err).start("reading the graph", -1);
        GradingData data = read != null ? read : GradingData.read(open.store(), new Cancellation());
        if (data.enterpriseCount() == 0) throw new IllegalArgumentException("the store holds no enterprise to learn from");
        LocalDate day = asOf != null ? asOf : data.latestEventDay();
        if (day == null) throw new IllegalArgumentException("the store holds no event; give --as-of with --labels");
        ModelRegistry registry = new ModelRegistry(open.options().modelsDir());
        ModelSet prior = ModelSet.shipped();
        java.util.function.Consumer<String> log = line -> System.err.println(line);
        Learner.Result r;
        if (labels != null) {
            Outcomes o = Outcomes.fromFile(labels, data.uscc);
            if (o.unknown() > 0) out.printf("%s%,d labels name no enterprise of the store; left out%n", indent, o.unknown());
            r = Learner.fromLabels(data, day, o, params, prior, log);
        } else {
            r = Learner.fromHistory(data, day, params, prior, log);
        }
        int v = registry.save(r.model(), r.report(), r.summary());
        for (String line : r.report()) out.println(indent + line);
        String before = registry.activeName();
        if (!activate) {
            out.printf("%sSaved as model v%d (not activated; %s stays active).%n", indent, v, before);
        } else if (r.beatsPrior() || force) {
            registry.activate(String.valueOf(v));
            out.printf("%sSaved as model v%d and activated%s; grade, regrade, serve and plan use it. Roll back with "
                    + "'riskgraph models activate %s'.%n", indent, v, r.beatsPrior() ? "" : " (--force: it did not beat the prior)", before);
        } else {
            out.printf(Locale.ROOT, "%sSaved as model v%d but NOT activated: out of time it ranks worse than the prior (AUC %.4f vs %.4f); "
                    + "%s stays active. Use --force to activate it anyway, or 'riskgraph models activate %d'.%n", indent, v,
                    r.learned().auc(), r.prior().auc(), before, v);
        }
        out.printf("%sLearned in %,d ms (model registry: %s)%n", indent, (System.nanoTime() - t) / 1_000_000, registry.dir());
    }
}
