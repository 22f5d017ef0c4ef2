package io.riskgraph.cli;

import io.riskgraph.risk.grading.IndicatorContext;
import io.riskgraph.risk.warning.WarningData;
import io.riskgraph.risk.warning.WarningParams;
import io.riskgraph.risk.warning.WarningRule;
import io.riskgraph.risk.warning.WarningRules;
import io.riskgraph.workflow.WorkflowStores;
import io.riskgraph.progress.Cancellation;
import io.riskgraph.workflow.NewClue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "warn", mixinStandardHelpOptions = true,
        description = {"Run the warning models (W01..W23, docs/models.md) and store the clues they find; a clue",
                "found again keeps its id, status and history. Prints found and new clues per rule.",
                "Run grade first: W01, W19, W21 and W23 read the stored grades."})
final class WarnCommand implements Callable<Integer> {
    /** Who is recorded as having created the clues. */
    static final String CREATED_BY = "warn";

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--as-of", paramLabel = "DATE",
            description = "Evaluate as of this day (ISO, e.g. 2026-06-30); later events are ignored (default: the latest event day).")
    String asOf;

    @Option(names = "--rules", paramLabel = "W01,W05",
            description = "Only these rules, comma-separated (default: all 23).")
    String rules;

    @Override
    public Integer call() {
        List<WarningRule> selected = WarningRule.parseList(rules);
        LocalDate day = GradingOptions.parseDay(asOf, "--as-of");
        PrintWriter out = spec.commandLine().getOut();
        try (StoreOptions.OpenStore open = storeOptions.open()) {
            warnAll(open, day, selected, out, "");
        }
        return Main.OK;
    }

    /** Runs the rules, stores the new clues and prints a line per rule (each after indent). */
    static void warnAll(StoreOptions.OpenStore open, LocalDate asOf, List<WarningRule> rules, PrintWriter out, String indent) {
        warnAll(open, null, asOf, rules, out, indent);
    }

    /** The same, on grading data already read from the store (null: read it). */
    static void warnAll(StoreOptions.OpenStore open, io.riskgraph.risk.grading.GradingData read, LocalDate asOf,
                        List<WarningRule> rules, PrintWriter out, String indent) {
        long t0 = System.nanoTime();
        IndicatorContext ctx = GradingOptions.context(open.store(), read, asOf);
        WarningData data = WarningData.read(open.store(), ctx.data, ctx.asOf, new Cancellation());
        long t1 = System.nanoTime();
        Map<WarningRule, List<NewClue>> found = new WarningRules(data, WarningParams.DEFAULT)
                .run(rules, new ConsoleProgress(System.err), new Cancellation());
        long t2 = System.nanoTime();
        int totalFound = 0, totalNew = 0;
        Instant now = Instant.now();
        {
            WorkflowStores workflow = open.workflow();
            out.printf("%srule  found    new  name%n", indent);
            for (var e : found.entrySet()) {
                int created = workflow.clues().storeNew(e.getValue(), CREATED_BY, now);
                totalFound += e.getValue().size();
                totalNew += created;
                out.printf("%s%s %,6d %,6d  %s / %s%n", indent, e.getKey(), e.getValue().size(), created,
                        e.getKey().nameEn, e.getKey().nameZh);
            }
        }
        long t3 = System.nanoTime();
        if (data.gradedCount() == 0) {
            out.printf("%s(no enterprise is graded: W01, W19, W21 and W23 need 'riskgraph grade' first)%n", indent);
        }
        out.printf("%sWarning models as of %s: %,d clues found, %,d new; read %,d ms, rules %,d ms, store %,d ms%n", indent,
                ctx.asOf, totalFound, totalNew, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000);
    }
}
