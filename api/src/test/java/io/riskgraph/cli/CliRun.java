package io.riskgraph.cli;

import io.riskgraph.cypher.TestNeo4j;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One command line run in-process as a user types it: its exit code and what it printed. */
public record CliRun(int exit, String out, String err) {

    public static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(exit, out.toString(), err.toString());
    }

    /**
     * Runs against the shared test Neo4j (by URI), with the ID-hash key and the learned models kept in {@code keyDir}
     * (never in the user's home).
     */
    public static CliRun onTestStore(Path keyDir, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(TestNeo4j.uriArgs());
        all.addAll(List.of("--id-key-file", keyDir.resolve("id.key").toString(), "--models", keyDir.resolve("models").toString()));
        return of(all.toArray(String[]::new));
    }
}
