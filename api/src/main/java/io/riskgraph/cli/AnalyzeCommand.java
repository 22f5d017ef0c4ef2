package io.riskgraph.cli;

import io.riskgraph.algorithms.Analysis;
import io.riskgraph.progress.Cancellation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"Run the standard graph analyses and write their results back: onto enterprises",
                "pagerank, degree_weighted, betweenness, wcc, wcc_size, community, risk_own, risk_inherited;",
                "onto the other nodes of the network (persons, addresses, phones) risk_own and risk_inherited."})
final class AnalyzeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (StoreOptions.OpenStore open = storeOptions.open()) {
            print(out, new Analysis().runStandard(open.store(), new ConsoleProgress(System.err), new Cancellation()));
        }
        return Main.OK;
    }

    static void print(PrintWriter out, Analysis.Summary s) {
        out.printf("Projected %,d nodes and %,d relationships (estimated %,d MB, held %,d MB)%n", s.nodes(),
                s.relationships(), s.estimatedBytes() >> 20, s.graphBytes() >> 20);
        StringBuilder steps = new StringBuilder();
        for (Map.Entry<String, Long> e : s.millis().entrySet()) {
            steps.append(steps.isEmpty() ? "" : ", ").append(e.getKey()).append(' ').append(e.getValue()).append(" ms");
        }
        out.println("Steps: " + steps);
        out.printf("%,d weakly connected components; %,d Louvain communities, modularity %.3f%n", s.components(),
                s.communities(), s.modularity());
        out.println("Betweenness: " + (s.betweennessExact() ? "exact"
                : String.format("sampled from %,d sources, error bound %.3g", s.betweennessSources(), s.betweennessErrorBound())));
        out.printf("Risk: %,d source nodes from events %s%n", s.riskSources(), s.eventsCounted());
        out.printf("%,d properties written back%n", s.propertiesWritten());
        s.warnings().forEach(w -> out.println("warning: " + w));
    }
}
