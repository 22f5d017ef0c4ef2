package io.riskgraph.bench;

import io.riskgraph.backend.Backend;
import io.riskgraph.cypher.Neo4jBackend;
import io.riskgraph.gremlin.GremlinBackend;
import io.riskgraph.ingest.IngestSummary;
import io.riskgraph.ingest.Ingestor;
import io.riskgraph.model.id.IdProtector;
import io.riskgraph.progress.ProgressListener;
import io.riskgraph.store.GraphCounts;
import io.riskgraph.store.GraphStore;
import io.riskgraph.store.ProjectionSink;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The two graph backends side by side over their remote code paths: Neo4j embedded over Bolt and the embedded
 * Gremlin Server over gremlin-driver (the same code as a remote Gremlin Server). Per run and backend, on a fresh
 * store: (a) the online load of a canonical dataset through the production {@link Ingestor} (default batching:
 * batches of 5,000 rows, 2 writers), as rows/s of the node files (enterprises, persons: each row a node with its
 * properties and links to addresses, phones, segments) and of the relationship files (roles, enterprise links:
 * each row one relationship between two keyed nodes); (b) the projection read: every node id and every
 * relationship's ends streamed to a counting sink, as elements/s. Prints each run and the medians.
 * <p>
 * Arguments: {@code CITY_DIR WORK_DIR [runs=3] [backends=neo4j,gremlin]}. Run by {@code scripts/bench-backends.sh}.
 */
public final class BackendBench {
    static final List<String> NODE_FILES = List.of("enterprises.csv", "persons.csv");
    static final List<String> RELATIONSHIP_FILES = List.of("roles.csv", "enterprise_links.csv");

    private BackendBench() {}

    record Figures(double nodeRowsPerSecond, double relationshipRowsPerSecond, double totalRowsPerSecond,
                   double ingestSeconds, double cpuSeconds, double projectionElementsPerSecond, long projected,
                   double projectionSeconds) {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2) throw new IllegalArgumentException("usage: BackendBench CITY_DIR WORK_DIR [runs=3] [backends=neo4j,gremlin]");
        Path city = Path.of(args[0]);
        Path work = Path.of(args[1]);
        int runs = 3;
        List<String> backends = List.of("neo4j", "gremlin");
        for (int i = 2; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("runs=")) runs = Integer.parseInt(a.substring(5));
            else if (a.startsWith("backends=")) backends = List.of(a.substring(9).split(","));
            else throw new IllegalArgumentException("unknown argument " + a + " (runs=R backends=neo4j,gremlin)");
        }
        for (String b : backends) {
            if (!b.equals("neo4j") && !b.equals("gremlin")) throw new IllegalArgumentException("unknown backend " + b);
        }
        if (!Files.isRegularFile(city.resolve("enterprises.csv"))) {
            throw new IllegalArgumentException(city + " has no enterprises.csv: generate a city first");
        }
        Files.createDirectories(work);
        IdProtector ids = new IdProtector("riskgraph-backend-bench-fixed-key-32b".getBytes());
        Map<String, List<Figures>> all = new LinkedHashMap<>();
        for (int r = 1; r <= runs; r++) {
            for (String backend : backends) {
                System.out.printf(Locale.ROOT, "== run %d, %s (load %s)%n", r, backend, load());
                Figures f = run(backend, city, work.resolve(backend + "-" + r), ids);
                all.computeIfAbsent(backend, k -> new ArrayList<>()).add(f);
                System.out.printf(Locale.ROOT, "   node files %,.0f rows/s, relationship files %,.0f rows/s, all files %,.0f rows/s "
                                + "(%.1f s, process CPU %.1f s); projection %,d elements in %.2f s = %,.0f elements/s%n",
                        f.nodeRowsPerSecond, f.relationshipRowsPerSecond, f.totalRowsPerSecond, f.ingestSeconds,
                        f.cpuSeconds, f.projected, f.projectionSeconds, f.projectionElementsPerSecond);
            }
        }
        System.out.printf(Locale.ROOT, "== medians over %d runs (load now %s)%n", runs, load());
        for (var e : all.entrySet()) {
            List<Figures> fs = e.getValue();
            System.out.printf(Locale.ROOT, "%-8s node files %,.0f rows/s | relationship files %,.0f rows/s | all files %,.0f rows/s "
                            + "| ingest %.1f s, CPU %.1f s | projection %,.0f elements/s (%,d elements, %.2f s)%n",
                    e.getKey(), median(fs, Figures::nodeRowsPerSecond), median(fs, Figures::relationshipRowsPerSecond),
                    median(fs, Figures::totalRowsPerSecond), median(fs, Figures::ingestSeconds), median(fs, Figures::cpuSeconds),
                    median(fs, Figures::projectionElementsPerSecond), fs.get(0).projected, median(fs, Figures::projectionSeconds));
        }
    }

    static Figures run(String backend, Path city, Path dir, IdProtector ids) throws IOException {
        deleteTree(dir);
        Files.createDirectories(dir);
        try (Backend b = backend.equals("neo4j") ? Neo4jBackend.embedded(dir, 1L << 30) : GremlinBackend.embedded(dir)) {
            GraphStore store = b.store();
            long cpu = Timing.processCpuNanos();
            IngestSummary s = new Ingestor(store, ids, Ingestor.Options.DEFAULT)
                    .ingest(city, dir.resolve("rejects.csv"), ProgressListener.NONE);
            double cpuSeconds = (Timing.processCpuNanos() - cpu) / 1e9;
            for (IngestSummary.FileSummary f : s.files()) {
                System.out.printf(Locale.ROOT, "   %-22s %,9d rows %8.2f s %,9.0f rows/s%n", f.file(), f.read(),
                        f.elapsed().toNanos() / 1e9, f.rowsPerSecond());
            }
            if (s.rejected() > 0) System.out.println("   rejected rows: " + s.rejected());
            double nodes = rate(s, NODE_FILES);
            double rels = rate(s, RELATIONSHIP_FILES);
            GraphCounts counts = store.counts();
            List<String> labels = new ArrayList<>(counts.nodesByLabel().keySet());
            List<String> types = new ArrayList<>(counts.relationshipsByType().keySet());
            long[] seen = new long[2];
            ProjectionSink sink = new ProjectionSink() {
                @Override
                public void nodes(long[] idArray, int[] labelIndex, int count) { seen[0] += count; }

                @Override
                public void relationships(long[] start, long[] end, int[] typeIndex, double[] weight, int count) {
                    seen[1] += count;
                }
            };
            long t = System.nanoTime();
            store.streamNodes(labels, sink, 10_000);
            store.streamRelationships(types, null, sink, 10_000);
            double projection = (System.nanoTime() - t) / 1e9;
            long expected = counts.nodesByLabel().values().stream().mapToLong(Long::longValue).sum()
                    + counts.relationshipsByType().values().stream().mapToLong(Long::longValue).sum();
            if (seen[0] + seen[1] != expected) {
                throw new IllegalStateException("projection streamed " + (seen[0] + seen[1]) + " elements, the counts say " + expected);
            }
            return new Figures(nodes, rels, s.rowsPerSecond(), s.elapsed().toNanos() / 1e9, cpuSeconds,
                    expected / projection, expected, projection);
        }
    }

    static double rate(IngestSummary s, List<String> files) {
        long rows = 0;
        long nanos = 0;
        for (IngestSummary.FileSummary f : s.files()) {
            if (files.contains(f.file())) {
                rows += f.read();
                nanos += f.elapsed().toNanos();
            }
        }
        return nanos == 0 ? 0 : rows / (nanos / 1e9);
    }

    static double median(List<Figures> fs, java.util.function.ToDoubleFunction<Figures> f) {
        return Timing.med(fs.stream().mapToDouble(f).toArray());
    }

    static String load() {
        try {
            return String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
        } catch (IOException e) {
            return "unknown";
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
