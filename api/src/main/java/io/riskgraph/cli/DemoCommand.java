package io.riskgraph.cli;

import io.riskgraph.cypher.BulkStore;
import io.riskgraph.query.NamedQueries;
import io.riskgraph.query.QueryLimits;
import io.riskgraph.query.ReadOnlyQueries;
import io.riskgraph.ingest.IngestSummary;
import io.riskgraph.ingest.Ingestor;
import io.riskgraph.ingest.generator.CityGenerator;
import io.riskgraph.ingest.generator.GeneratorParams;
import io.riskgraph.progress.Cancellation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Generate a synthetic city, load it into the store, run every analysis, and show what to do next.",
                "A city generated earlier with the same size and seed is reused."})
final class DemoCommand implements Callable<Integer> {
    /** Written beside a generated city so that a later demo can tell whether it may reuse it. */
    static final String MARKER = ".generated-with";

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--enterprises", paramLabel = "N", defaultValue = "" + GeneratorParams.DEFAULT_ENTERPRISES,
            description = "Size of the city (default: ${DEFAULT-VALUE}).")
    int enterprises;

    @Option(names = "--seed", defaultValue = "" + GeneratorParams.DEFAULT_SEED, description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--city", paramLabel = "DIR", defaultValue = "riskgraph-demo-city",
            description = "Where the generated city goes (default: ${DEFAULT-VALUE}).")
    Path city;

    @Option(names = "--force", description = "Replace a different city already in --city.")
    boolean force;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        GeneratorParams params = GeneratorParams.of(enterprises, seed);
        String marker = "enterprises=" + enterprises + " seed=" + seed + "\n";
        Path markerFile = city.resolve(MARKER);
        boolean reuse = Files.exists(markerFile) && Files.readString(markerFile).equals(marker);

        out.println("1/3  City: " + enterprises + " enterprises, seed " + seed);
        if (reuse) {
            out.println("     reusing the city already generated in " + city.toAbsolutePath().normalize());
        } else {
            GeneratorParams.checkOutputDir(city, force);
            var generated = new CityGenerator(params).generate(city, force, new ConsoleProgress(System.err),
                    Cancellation.NEVER);
            Files.writeString(markerFile, marker);
            GenerateCommand.print(out, generated);
        }

        out.println("2/3  Loading it into " + storeOptions.describe());
        Path rejects = storeOptions.besideStore("rejects.csv");
        boolean bulk = IngestCommand.bulk(storeOptions, IngestCommand.Mode.auto, out);
        if (bulk) {
            out.println("     with Neo4j's offline importer (a first load)");
            BulkLoad.Result r = BulkLoad.run(city, storeOptions.store, storeOptions.ids(), rejects,
                    Ingestor.BATCH_SIZE_DEFAULT, BulkStore.IMPORT_MEMORY_DEFAULT, storeOptions.pageCacheMb << 20,
                    new ConsoleProgress(System.err));
            IngestCommand.print(out, r.summary(), rejects);
            out.println("     " + BulkLoad.describe(r));
        }
        try (StoreOptions.OpenStore open = storeOptions.open()) {
            if (!bulk) {
                IngestSummary loaded = new Ingestor(open.store(), open.ids(), Ingestor.Options.DEFAULT)
                        .ingest(city, rejects, new ConsoleProgress(System.err));
                IngestCommand.print(out, loaded, rejects);
            }
            out.println("3/3  Analyses");
            for (Step step : analyses()) {
                out.println("     " + step.title() + ":");
                step.action().run(open, out);
            }
        }
        nextSteps(out);
        return Main.OK;
    }

    /** One analysis of the demo: what it prints under its title. */
    @FunctionalInterface
    interface StepAction {
        void run(StoreOptions.OpenStore open, PrintWriter out);
    }

    record Step(String title, StepAction action) {}

    /** The analyses in the order they build on each other (grades read analyze's results; warnings read grades). */
    List<Step> analyses() {
        // learn, grade and warn read the same graph (none of them changes what the others read): one read after analyze
        io.riskgraph.risk.grading.GradingData[] read = new io.riskgraph.risk.grading.GradingData[1];
        java.util.function.Function<StoreOptions.OpenStore, io.riskgraph.risk.grading.GradingData> data = open -> {
            if (read[0] == null) read[0] = io.riskgraph.risk.grading.GradingData.read(open.store(), new Cancellation());
            return read[0];
        };
        return List.of(
                new Step("Graph algorithms (centrality, communities, risk propagation), written back to the nodes",
                        (open, out) -> {
                            var analysis = new io.riskgraph.algorithms.Analysis()
                                    .runStandard(open.store(), new ConsoleProgress(System.err), new Cancellation());
                            java.io.StringWriter indented = new java.io.StringWriter();
                            AnalyzeCommand.print(new PrintWriter(indented), analysis);
                            indented.toString().lines().forEach(l -> out.println("     " + l));
                        }),
                new Step("Learning the grading model from the city's own inspection history, checked out of time (docs/models.md)",
                        (open, out) -> LearnCommand.learn(open, data.apply(open), io.riskgraph.risk.learning.LearnParams.DEFAULT, null, null,
                                false, true, out, "     ")),
                new Step("Credit-risk grades A (low risk) to D (high risk) with the active model (docs/models.md)",
                        (open, out) -> GradeCommand.gradeAll(open.store(), data.apply(open), GradingOptions.activeModel(open.options()), null,
                                out, "     ")),
                new Step("Warning models (clues for follow-up, docs/models.md)",
                        (open, out) -> WarnCommand.warnAll(open, data.apply(open), null,
                                List.of(io.riskgraph.risk.warning.WarningRule.values()), out, "     ")),
                new Step("Named queries (the patterns an analyst starts from), rows found", (open, out) -> highlights(out, open)));
    }

    /** What the named queries find in the city: the clues an analyst would start from. */
    private void highlights(PrintWriter out, StoreOptions.OpenStore open) {
        if (open.backend().kind().equals("gremlin")) {
            // the Cypher catalogue is Neo4j-only: the Gremlin one instead
            NamedQueries catalogue = open.backend().gremlinCatalogue();
            Map<String, Map<String, Object>> runs = new LinkedHashMap<>();
            runs.put("busy-addresses", Map.of("min_firms", 5L));
            runs.put("shared-phones", Map.of("min_firms", 3L));
            runs.put("dishonest-representatives", Map.of());
            for (Map.Entry<String, Map<String, Object>> run : runs.entrySet()) {
                var q = catalogue.get(run.getKey());
                var result = open.backend().gremlin().run(q.statement(), run.getValue(), QueryLimits.DEFAULT);
                out.printf("     %-30s %,8d%s  %s%n", run.getKey(), result.rows().size(), result.truncated() ? "+" : " ",
                        firstSentence(q.description()));
            }
            return;
        }
        NamedQueries catalogue = open.backend().cypherCatalogue();
        ReadOnlyQueries runner = open.backend().cypher();
        Map<String, Map<String, Object>> runs = new LinkedHashMap<>();
        runs.put("shell-clusters", Map.of("since", GeneratorParams.DEFAULT_WINDOW_END.minusYears(2).toString(),
                "min_firms", 3L, "max_paid_in", 10_000L));
        runs.put("dishonest-representatives", Map.of());
        runs.put("supplier-failures", Map.of("min_sites", 2L));
        runs.put("people-behind-failing-firms", Map.of("min_firms", 3L));
        runs.put("new-firm-at-revoked-address", Map.of("max_firms", 10L));
        runs.put("inspector-ties", Map.of());
        for (Map.Entry<String, Map<String, Object>> run : runs.entrySet()) {
            var q = catalogue.get(run.getKey());
            var result = runner.run(q.statement(), run.getValue(), QueryLimits.DEFAULT);
            out.printf("     %-30s %,8d%s  %s%n", run.getKey(), result.rows().size(), result.truncated() ? "+" : " ",
                    firstSentence(q.description()));
        }
    }

    private static String firstSentence(String text) {
        int dot = text.indexOf(". ");
        return dot < 0 ? text : text.substring(0, dot + 1);
    }

    private void nextSteps(PrintWriter out) {
        String store = storeOptions.gremlin() ? " --gremlin " + storeOptions.gremlin
                + (storeOptions.store.toString().equals(StoreOptions.STORE_DEFAULT) ? "" : " --store " + storeOptions.store)
                : storeOptions.uri != null ? " --uri " + storeOptions.uri
                : storeOptions.store.toString().equals(StoreOptions.STORE_DEFAULT) ? "" : " --store " + storeOptions.store;
        out.println();
        out.println("Next:");
        out.println("  ./riskgraph stats" + store + "                       what is in the graph");
        out.println("  ./riskgraph queries                          the named analyst queries");
        out.println("  ./riskgraph algo pagerank --out pagerank.csv" + store + "   one algorithm, as CSV");
        out.println("  ./riskgraph query 'MATCH (e:Enterprise) RETURN e.name, e.risk_own, e.risk_inherited "
                + "ORDER BY e.risk_inherited DESC LIMIT 10'" + store);
        out.println("  ./riskgraph export grades --out grades.csv" + store + "   uscc,score,grade,model,reasons");
        out.println("  ./riskgraph clues list --rule W06" + store + "   warning clues; clues set-status ID ASSIGNED --by NAME");
        out.println("  ./riskgraph export clues --out clues.csv" + store + "   every clue with evidence and status");
        out.println("  ./riskgraph backtest --truth " + city.resolve(CityGenerator.TRUTH) + store
                + "   AUC and hit rate against the ground truth");
        out.println("  ./riskgraph plan --period 2026-H2 --simulate --truth " + city.resolve(CityGenerator.TRUTH) + store
                + "   credit-weighted inspections against uniform random");
        out.println("  ./riskgraph serve" + store + "                       the HTTP API (docs/api.md)");
        out.println("  ./riskgraph query --named shell-clusters --param since=2024-07-01 --param min_firms=3 "
                + "--param max_paid_in=10000" + store);
        out.println("  ./riskgraph query 'MATCH (e:Enterprise)<-[:SAMPLED_AT]-(s:Sample {result: \"FAIL\"}) "
                + "RETURN e.name, count(s) AS failures ORDER BY failures DESC LIMIT 10'" + store);
        out.println("  Ground truth for back-testing: " + city.resolve(CityGenerator.TRUTH));
        out.println();
        out.println("The investigators' page (docs/web.md):");
        out.println("  ./riskgraph keys create --role investigator --name me" + store + "   prints a key, once");
        out.println("  ./riskgraph serve" + store + "   then open http://127.0.0.1:8080/ and sign in with that key");
    }
}
