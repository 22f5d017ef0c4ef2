package io.riskgraph.cli;

import io.riskgraph.backend.Backend;
import io.riskgraph.query.NamedQueries;
import io.riskgraph.query.NamedQuery;
import io.riskgraph.query.ReadOnlyQueries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;

@Command(name = "gremlin", mixinStandardHelpOptions = true,
        description = {"Run one read-only Gremlin traversal (needs the Gremlin backend: --gremlin ws://host:8182 or "
                + "--gremlin embedded).",
                "Values go in as parameters: riskgraph gremlin \"g.V().has('Enterprise', 'uscc', u).valueMap()\" --param u=9131...",
                "Writes (addV, addE, mergeV, mergeE, property, drop), g.with*/withStrategies/withoutStrategies, io, call,",
                "subgraph, transactions and lambdas are refused with the step named; the rest runs with ReadOnlyStrategy."})
final class GremlinCommand extends QueryCommand {

    @Option(names = "--list", description = "List the named Gremlin queries and stop.")
    boolean list;

    @Override
    ReadOnlyQueries runner(Backend backend) { return backend.gremlin(); }

    @Override
    NamedQueries catalogue(Backend backend) { return backend.gremlinCatalogue(); }

    @Override
    public Integer call() throws IOException {
        if (list) {
            var out = spec.commandLine().getOut();
            for (NamedQuery q : io.riskgraph.gremlin.GremlinCatalogue.INSTANCE.all()) {
                out.println(q.name());
                out.println("    " + q.description());
                for (NamedQuery.Param p : q.params()) out.println("    param " + p.name() + ": " + p.description());
            }
            out.flush();
            return Main.OK;
        }
        return super.call();
    }
}
