package io.riskgraph.cli;

import io.riskgraph.risk.grading.GraderParams;
import io.riskgraph.risk.grading.IncrementalGrader;
import io.riskgraph.risk.grading.ModelSet;
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

    @Option(names = "--runs", paramLabel = "N", defaultValue = "1",
            description = {"Benchmark: re-grade N times in the same process after the one read and print each time and the",
                    "median (later runs find no new events; the reads, the in-memory re-grade and the diff are the same work).",
                    "Default: ${DEFAULT-VALUE}."})
    int runs;

    @Override
    public Integer call() {
        if (runs < 1 || runs > 100) throw new IllegalArgumentException("--runs must be in 1..100, got " + runs);
        PrintWriter out = spec.commandLine().getOut();
        io.riskgraph.risk.grading.RiskModel models = grading.active(storeOptions);
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
            long[] ms = new long[runs];
            ms[0] = r.totalMillis();
            for (int k = 1; k < runs; k++) {
                IncrementalGrader.Result again = g.regrade(open.store(), keys);
                ms[k] = again.totalMillis();
                out.printf("  run %d: %,d ms (read %d, grade %d, write %d)%n", k + 1, again.totalMillis(), again.readMillis(),
                        again.gradeMillis(), again.writeMillis());
            }
            if (runs > 1) {
                long[] sorted = ms.clone();
                java.util.Arrays.sort(sorted);
                out.printf("Re-grade median of %d runs: %,d ms%n", runs, sorted[runs / 2]);
            }
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
