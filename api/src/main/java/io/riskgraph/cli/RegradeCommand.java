package io.riskgraph.cli;

import io.riskgraph.algorithms.grading.GraderParams;
import io.riskgraph.algorithms.grading.IncrementalGrader;
import io.riskgraph.algorithms.grading.ModelSet;
import io.riskgraph.progress.Cancellation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "regrade", mixinStandardHelpOptions = true,
        description = {"Re-grade after new events about the named enterprises were ingested: re-reads their state and new",
                "events, re-grades in memory and writes back only the enterprises whose result changed (the firms and",
                "the neighbours their risk reaches). A one-off process first reads the graph once; a server keeps it",
                "in memory (IncrementalGrader), which is where a re-grade takes under a second (docs/models.md)."})
final class RegradeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Mixin
    GradingOptions grading;

    @Option(names = "--uscc", paramLabel = "USCC", required = true, split = ",",
            description = "The enterprise(s) the new events concern (repeat or comma-separate).")
    List<String> usccs;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ModelSet models = grading.models();
        java.time.LocalDate asOf = grading.asOfOrNull();
        LinkedHashSet<String> keys = new LinkedHashSet<>();
        for (String u : usccs) {
            if (u.isBlank()) throw new IllegalArgumentException("--uscc must not be empty");
            keys.add(u.strip());
        }
        try (StoreOptions.OpenStore open = storeOptions.open()) {
            long t = System.nanoTime();
            IncrementalGrader g = IncrementalGrader.open(open.store(), models, GraderParams.DEFAULT, asOf, new Cancellation());
            long opened = (System.nanoTime() - t) / 1_000_000;
            IncrementalGrader.Result r = g.regrade(open.store(), keys);
            out.printf("Read and graded %,d enterprises in memory in %,d ms; re-grade of %s: %d new events, %d enterprises "
                            + "changed (%,d properties written) in %,d ms (read %d, grade %d, write %d)%n", g.context().n, opened,
                    String.join(",", keys), r.newEvents(), r.changed().size(), r.propertiesWritten(), r.totalMillis(),
                    r.readMillis(), r.gradeMillis(), r.writeMillis());
            for (String u : r.changed()) {
                int i = java.util.Arrays.asList(g.context().data.uscc).indexOf(u);
                out.printf("  %s  %6.2f  %c  %s%n", u, g.grades().score()[i], g.grades().grade()[i], g.grades().modelName()[i]);
            }
        }
        return Main.OK;
    }
}
