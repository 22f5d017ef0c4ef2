package io.riskgraph.cli;

import io.riskgraph.query.NamedQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

@Command(name = "queries", mixinStandardHelpOptions = true,
        description = "List the catalogue of named analyst queries; run one with: riskgraph query --named NAME --param k=v")
final class QueriesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (NamedQuery q : Backends.cypherCatalogue().all()) {
            out.println(q.name());
            out.println("    " + q.description());
            for (NamedQuery.Param p : q.params()) out.println("    param " + p.name() + ": " + p.description());
        }
        return Main.OK;
    }
}
