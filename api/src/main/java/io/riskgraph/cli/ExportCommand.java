package io.riskgraph.cli;

import io.riskgraph.risk.planning.Period;
import io.riskgraph.workflow.WorkflowStores;
import io.riskgraph.store.GraphStore;
import io.riskgraph.workflow.Clue;
import io.riskgraph.workflow.ClueFilter;
import io.riskgraph.workflow.InspectionTask;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

@Command(name = "export", mixinStandardHelpOptions = true, description = "Export results as files.",
        subcommands = {ExportCommand.Grades.class, ExportCommand.Clues.class, ExportCommand.Results.class,
                ExportCommand.ImporterCsv.class, ExportCommand.NeptuneCsv.class, ExportCommand.GraphSon.class,
                ExportCommand.HugeGraph.class})
final class ExportCommand {

    /** Writes the rows the body prints, as CSV with a header, into a sibling file renamed over {@code out} at the end. */
    interface CsvBody {
        long print(CSVPrinter csv) throws IOException;
    }

    static long writeCsv(Path out, List<String> header, CsvBody body) throws IOException {
        if (Files.isDirectory(out)) throw new IllegalArgumentException("--out " + out + " is a folder");
        Path tmp = out.toAbsolutePath().resolveSibling(out.getFileName() + ".partial");
        long count;
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get())) {
            count = body.print(csv);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
        return count;
    }

    @Command(name = "grades", mixinStandardHelpOptions = true,
            description = "Write uscc,score,grade,model,reasons (reasons joined with ' | ') for every graded enterprise.")
    static final class Grades implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StoreOptions storeOptions;

        @Option(names = "--out", paramLabel = "FILE", required = true, description = "The CSV file to write.")
        Path out;

        @Override
        public Integer call() throws IOException {
            if (Files.isDirectory(out)) throw new IllegalArgumentException("--out " + out + " is a folder");
            try (StoreOptions.OpenStore open = storeOptions.open()) {
                GraphStore store = open.store();
                TreeMap<Long, Object[]> rows = new TreeMap<>();
                List<String> props = List.of("uscc", "score", "grade", "grade_model", "reasons");
                for (int p = 0; p < props.size(); p++) {
                    int col = p;
                    store.streamNodeProperty("Enterprise", props.get(p), (ids, values, n) -> {
                        for (int i = 0; i < n; i++) rows.computeIfAbsent(ids[i], k -> new Object[props.size()])[col] = values[i];
                    }, 10_000);
                }
                long count = writeCsv(out, GradeCommand.columns(), csv -> {
                    long c = 0;
                    for (Object[] r : rows.values()) {
                        if (r[0] == null || r[2] == null) continue; // not graded
                        Object reasons = r[4] instanceof List<?> l ? String.join(" | ", l.stream().map(String::valueOf).toList()) : r[4];
                        csv.printRecord(r[0], r[1], r[2], r[3], reasons);
                        c++;
                    }
                    return c;
                });
                if (count == 0) {
                    spec.commandLine().getErr().println("riskgraph: no enterprise is graded yet; run 'riskgraph grade' first");
                    return Main.USAGE;
                }
                spec.commandLine().getOut().printf("Wrote %,d graded enterprises to %s%n", count, out);
            }
            return Main.OK;
        }
    }

    @Command(name = "clues", mixinStandardHelpOptions = true,
            description = "Write every warning clue: id,rule,status,severity,uscc,segment,summary,evidence,as_of,created_at,last_change_by,last_change_at.")
    static final class Clues implements Callable<Integer> {
        static final List<String> COLUMNS = List.of("id", "rule", "status", "severity", "uscc", "segment", "summary",
                "evidence", "as_of", "created_at", "last_change_by", "last_change_at");

        @Spec
        CommandSpec spec;

        @Mixin
        StoreOptions storeOptions;

        @Option(names = "--out", paramLabel = "FILE", required = true, description = "The CSV file to write.")
        Path out;

        @Override
        public Integer call() throws IOException {
            if (Files.isDirectory(out)) throw new IllegalArgumentException("--out " + out + " is a folder");
            long count;
            try (StoreOptions.OpenStore open = storeOptions.open()) {
                WorkflowStores workflow = open.workflow();
                List<Clue> clues = workflow.clues().list(ClueFilter.all());
                count = writeCsv(out, COLUMNS, csv -> {
                    for (Clue c : clues) {
                        var last = c.history().isEmpty() ? null : c.history().get(c.history().size() - 1);
                        String evidence = String.join(" | ", c.evidence().stream()
                                .map(e -> e.kind() + " " + e.ref() + (e.note().isEmpty() ? "" : " (" + e.note() + ")")).toList());
                        csv.printRecord(c.id(), c.rule(), c.status(), c.severity(), c.uscc(), c.segment(), c.summary(), evidence,
                                c.asOf(), c.createdAt(), last == null ? null : last.by(), last == null ? null : last.at());
                    }
                    return clues.size();
                });
            }
            spec.commandLine().getOut().printf("Wrote %,d clues to %s%n", count, out);
            return Main.OK;
        }
    }

    @Command(name = "results", mixinStandardHelpOptions = true,
            description = {"Write the public inspection results of a period (\"one public\"): " + Results.HEADER_TEXT + ",",
                    "one row per task whose result came back; no inspector or person data."})
    static final class Results implements Callable<Integer> {
        static final List<String> HEADER = List.of("period", "uscc", "enterprise", "date", "result", "issues");
        static final String HEADER_TEXT = "period,uscc,enterprise,date,result,issues";

        @Spec
        CommandSpec spec;

        @Mixin
        StoreOptions storeOptions;

        @Option(names = "--period", required = true, paramLabel = "PERIOD", description = "2026-Q1, 2026-03 or 2026-H1.")
        String period;

        @Option(names = "--out", paramLabel = "FILE", required = true, description = "The CSV file to write.")
        Path out;

        @Override
        public Integer call() throws IOException {
            String p = Period.parse(period).text();
            if (Files.isDirectory(out)) throw new IllegalArgumentException("--out " + out + " is a folder");
            try (StoreOptions.OpenStore open = storeOptions.open()) {
                WorkflowStores w = open.workflow();
                List<InspectionTask> closed = new ArrayList<>();
                for (var plan : w.inspectionPlans().plans(p)) {
                    for (var t : w.inspectionPlans().tasks(plan.planId())) {
                        if (t.status() == InspectionTask.Status.CLOSED) closed.add(t);
                    }
                }
                closed.sort(Comparator.comparing(InspectionTask::resultDate).thenComparing(InspectionTask::uscc));
                Map<String, String> names = new HashMap<>();
                for (Object[] r : open.store().nodeProperties("Enterprise", List.of("uscc", "name")).values()) {
                    if (r[0] != null && r[1] != null) names.put((String) r[0], String.valueOf(r[1]));
                }
                writeCsv(out, HEADER, csv -> {
                    for (var t : closed) {
                        csv.printRecord(p, t.uscc(), names.getOrDefault(t.uscc(), ""), t.resultDate(), t.result(), t.issues());
                    }
                    return closed.size();
                });
                spec.commandLine().getOut().printf("Wrote %,d inspection results of %s to %s%n", closed.size(), p, out);
            }
            return Main.OK;
        }
    }

    @Command(name = "importer-csv", mixinStandardHelpOptions = true,
            description = {"Turn a dataset folder into input files for Neo4j's offline importer, for a first load of a "
                    + "server's database, and print the neo4j-admin command that loads them.",
                    "Rows are read, validated and mapped as 'ingest' does them (the same rejects file); the graph "
                    + "the files make is the one 'ingest' makes."})
    static final class ImporterCsv implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Parameters(paramLabel = "DIR", description = "The dataset folder (canonical CSV or JSONL files).")
        Path dataset;

        @Option(names = "--out", paramLabel = "FOLDER", required = true,
                description = "A new or empty folder for the importer files.")
        Path out;

        @Option(names = "--database", defaultValue = "neo4j",
                description = "The database the printed command imports into (default: ${DEFAULT-VALUE}).")
        String database;

        @Option(names = "--id-key-file", paramLabel = "FILE",
                description = "Key for hashing resident ID numbers: the one the server's riskgraph commands will use "
                        + "(default: ~/.riskgraph/id-hash.key, as with --uri).")
        Path idKeyFile;

        @Option(names = "--rejects", paramLabel = "FILE", defaultValue = "importer-csv-rejects.csv",
                description = "Where rejected rows and warnings go (default: ${DEFAULT-VALUE}).")
        Path rejects;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            io.riskgraph.ingest.DatasetFolder.scan(dataset);
            Path keyFile = idKeyFile != null ? idKeyFile : StoreOptions.serverIdKeyFile();
            var written = BulkLoad.writeFiles(dataset, this.out, io.riskgraph.model.id.IdKeys.protector(keyFile), rejects,
                    io.riskgraph.ingest.Ingestor.BATCH_SIZE_DEFAULT, new ConsoleProgress(System.err));
            IngestCommand.print(out, written.summary(), rejects);
            var files = written.files();
            out.printf("Wrote %,d nodes and %,d relationships in %d files (%,d MB) to %s%n", files.nodeCount(),
                    files.relationshipCount(), 2 * (files.nodes().size() + files.relationships().size()),
                    files.bytes() >> 20, this.out.toAbsolutePath().normalize());
            out.println();
            out.println("On the server, with the database stopped (or not yet created), as its administrator:");
            out.println();
            out.println(io.riskgraph.cypher.BulkStore.adminCommand(files, database));
            out.println();
            out.println("Then start the database; the first riskgraph command against it (e.g. 'riskgraph stats --uri "
                    + "neo4j://HOST:7687') creates the constraints and indexes and waits for them.");
            if (!written.deferred().isEmpty()) {
                out.printf("%,d rows update what the files already hold (a key or relationship given twice) or hold "
                        + "values the files cannot carry; load the folder once more online to merge them:%n"
                        + "  riskgraph ingest %s --mode online --uri neo4j://HOST:7687 --id-key-file %s%n",
                        written.deferred().size(), dataset, keyFile);
            }
            out.println("Paths in the command are this machine's: copy the folder to the server and adjust them, "
                    + "or run it where the folder is reachable.");
            return Main.OK;
        }
    }

    /**
     * The input of a Gremlin vendor's bulk loader from a dataset folder: the rows read, validated and mapped as
     * 'ingest' does them, loaded through the Gremlin store's own merges into an in-memory graph (so the files hold
     * the graph an online load makes, stubs included), then written by {@link io.riskgraph.gremlin.LoaderFiles}.
     */
    abstract static class LoaderFilesCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Parameters(paramLabel = "DIR", description = "The dataset folder (canonical CSV or JSONL files).")
        Path dataset;

        @Option(names = "--id-key-file", paramLabel = "FILE",
                description = "Key for hashing resident ID numbers: the one the server's riskgraph commands will use "
                        + "(default: ~/.riskgraph/id-hash.key, as with --gremlin ws://...).")
        Path idKeyFile;

        @Option(names = "--rejects", paramLabel = "FILE", defaultValue = "loader-files-rejects.csv",
                description = "Where rejected rows and warnings go (default: ${DEFAULT-VALUE}).")
        Path rejects;

        @Option(names = "--out", paramLabel = "PATH", required = true,
                description = "neptune-csv, hugegraph: a new or empty folder for the files; graphson: the .json file to write.")
        Path out;

        private final java.util.function.BiFunction<org.apache.tinkerpop.gremlin.tinkergraph.structure.TinkerGraph, Path,
                io.riskgraph.gremlin.LoaderFiles.Written> writer;
        private final java.util.function.Function<Path, String> instructions;
        private final boolean folder;

        /**
         * @param writer       writes the graph's files to --out
         * @param instructions the vendor's load instructions for --out
         * @param folder       whether --out is a folder of files (else one file)
         */
        LoaderFilesCommand(java.util.function.BiFunction<org.apache.tinkerpop.gremlin.tinkergraph.structure.TinkerGraph, Path,
                io.riskgraph.gremlin.LoaderFiles.Written> writer, java.util.function.Function<Path, String> instructions,
                           boolean folder) {
            this.writer = writer;
            this.instructions = instructions;
            this.folder = folder;
        }

        private boolean writesFolder() { return folder; }

        @Override
        public Integer call() {
            PrintWriter print = spec.commandLine().getOut();
            io.riskgraph.ingest.DatasetFolder.scan(dataset);
            if (Files.exists(out) && Files.isDirectory(out) != writesFolder()) {
                throw new IllegalArgumentException("--out " + out + (writesFolder()
                        ? " is a file; name a new or empty folder" : " is a folder; name the .json file to write"));
            }
            // refuse a folder with files before the load, not after it
            if (writesFolder()) io.riskgraph.gremlin.LoaderFiles.requireEmptyFolder(out);
            Path keyFile = idKeyFile != null ? idKeyFile : StoreOptions.serverIdKeyFile();
            var graph = io.riskgraph.gremlin.LoaderFiles.newGraph();
            // one writer: an in-memory TinkerGraph takes one write at a time
            var summary = new io.riskgraph.ingest.Ingestor(io.riskgraph.gremlin.LoaderFiles.store(graph),
                    io.riskgraph.model.id.IdKeys.protector(keyFile), new io.riskgraph.ingest.Ingestor.Options(
                            io.riskgraph.ingest.Ingestor.BATCH_SIZE_DEFAULT, 1))
                    .ingest(dataset, rejects, new ConsoleProgress(System.err));
            IngestCommand.print(print, summary, rejects);
            var written = writer.apply(graph, out);
            print.printf("Wrote %,d vertices and %,d edges in %d file%s to %s%n", written.vertices(), written.edges(),
                    written.files().size(), written.files().size() == 1 ? "" : "s", out.toAbsolutePath().normalize());
            print.println();
            print.println(instructions.apply(out));
            return Main.OK;
        }
    }

    @Command(name = "neptune-csv", mixinStandardHelpOptions = true,
            description = {"Turn a dataset folder into Amazon Neptune bulk-load files (Gremlin CSV: a vertices-LABEL.csv "
                    + "per label with ~id,~label and typed property columns, an edges-TYPE.csv per relationship type "
                    + "with ~id,~from,~to,~label), and print how to load them.",
                    "Rows are read, validated and mapped as 'ingest' does them; vertex ids are riskgraph's uid (Label:key)."})
    static final class NeptuneCsv extends LoaderFilesCommand {
        NeptuneCsv() {
            super(io.riskgraph.gremlin.LoaderFiles::writeNeptuneCsv, io.riskgraph.gremlin.LoaderFiles::neptuneInstructions, true);
        }
    }

    @Command(name = "graphson", mixinStandardHelpOptions = true,
            description = {"Turn a dataset folder into one GraphSON 3.0 file (adjacency lines: a vertex with its edges "
                    + "per line), which g.io(file).read() loads into any TinkerPop server (Gremlin Server, JanusGraph), "
                    + "and print how to load it.",
                    "Rows are read, validated and mapped as 'ingest' does them. Dates are TinkerPop's extended types "
                    + "(gx:LocalDate, gx:OffsetDateTime): a reader without that module keeps them as ISO-8601 text."})
    static final class GraphSon extends LoaderFilesCommand {
        GraphSon() {
            super(io.riskgraph.gremlin.LoaderFiles::writeGraphSon, io.riskgraph.gremlin.LoaderFiles::graphSonInstructions, false);
        }
    }

    @Command(name = "hugegraph", mixinStandardHelpOptions = true,
            description = {"Turn a dataset folder into Apache HugeGraph's bulk-loader input (hugegraph-loader): a "
                    + "vertex_LABEL.csv per label and an edge_TYPE.csv per relationship type, the mapping struct.json and "
                    + "the schema schema.groovy (property keys, vertex labels with primary key uid, edge labels), and print "
                    + "the hugegraph-loader command.",
                    "Rows are read, validated and mapped as 'ingest' does them. Not tested against a HugeGraph server."})
    static final class HugeGraph extends LoaderFilesCommand {
        HugeGraph() {
            super(io.riskgraph.gremlin.LoaderFiles::writeHugeGraph, io.riskgraph.gremlin.LoaderFiles::hugeGraphInstructions, true);
        }
    }
}
