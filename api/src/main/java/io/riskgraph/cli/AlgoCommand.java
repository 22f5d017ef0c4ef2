package io.riskgraph.cli;

import io.riskgraph.algorithms.AlgorithmRequest;
import io.riskgraph.algorithms.Analysis;
import io.riskgraph.algorithms.projection.Orientation;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "algo", mixinStandardHelpOptions = true,
        description = {"Run one algorithm on a projection of the graph and write label,key,value rows as CSV.",
                "Algorithms: pagerank, degree, betweenness, wcc, louvain, risk. Nothing is written to the store."})
final class AlgoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Parameters(paramLabel = "NAME", description = "pagerank, degree, betweenness, wcc, louvain or risk.")
    String name;

    @Option(names = "--labels", split = ",", paramLabel = "LABEL", description = "Node labels to project (default: Enterprise, Person, Address, Phone).")
    List<String> labels;

    @Option(names = "--relationships", split = ",", paramLabel = "TYPE", description = "Relationship types to project (default: the standard weighted set).")
    List<String> relationships;

    @Option(names = "--orientation", paramLabel = "natural|reverse|undirected", description = "How relationships are followed (default: the algorithm's).")
    String orientation;

    @Option(names = {"-p", "--param"}, paramLabel = "NAME=VALUE", description = "An algorithm parameter, e.g. dampingFactor=0.9.")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--out", paramLabel = "FILE", description = "Write the CSV here instead of standard output.")
    Path out;

    @Override
    public Integer call() throws IOException {
        Analysis.algorithm(name); // an unknown name fails before the database starts
        AlgorithmRequest request = new AlgorithmRequest(labels, relationships,
                orientation == null ? null : Orientation.parse(orientation), params);
        try (StoreOptions.OpenStore open = storeOptions.open()) {
            Analysis.Table table = new Analysis().runOne(open.store(), name, request, new ConsoleProgress(System.err));
            if (out != null) {
                try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                    write(w, table);
                }
                spec.commandLine().getOut().printf("%,d rows written to %s%n", table.rows().size(), out);
            } else {
                PrintWriter w = spec.commandLine().getOut();
                write(w, table);
                w.flush();
            }
        }
        return Main.OK;
    }

    private static void write(Writer w, Analysis.Table table) throws IOException {
        CSVPrinter csv = CSVFormat.RFC4180.print(w);
        csv.printRecord(table.columns());
        for (List<Object> row : table.rows()) csv.printRecord(row);
        csv.flush();
    }
}
