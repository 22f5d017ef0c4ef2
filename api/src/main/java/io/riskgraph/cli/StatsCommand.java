package io.riskgraph.cli;

import io.riskgraph.store.GraphCounts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Count the nodes per label and the relationships per type.")
final class StatsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (StoreOptions.OpenStore open = storeOptions.open()) {
            GraphCounts counts = open.store().counts();
            out.println("Graph in " + storeOptions.describe());
            section(out, "nodes", counts.nodesByLabel());
            section(out, "relationships", counts.relationshipsByType());
        }
        return Main.OK;
    }

    private static void section(PrintWriter out, String title, Map<String, Long> counts) {
        out.printf("%-28s %12s%n", title, "count");
        long total = 0;
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            out.printf("  %-26s %,12d%n", e.getKey(), e.getValue());
            total += e.getValue();
        }
        out.printf("  %-26s %,12d%n", "total", total);
    }
}
