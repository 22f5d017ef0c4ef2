package io.riskgraph.bench;

import io.riskgraph.algorithms.centrality.Betweenness;
import io.riskgraph.algorithms.centrality.BetweennessConfig;
import io.riskgraph.algorithms.community.WeaklyConnectedComponents;
import io.riskgraph.algorithms.projection.CompactGraph;
import io.riskgraph.algorithms.projection.GraphBuilder;
import io.riskgraph.algorithms.projection.Orientation;
import io.riskgraph.algorithms.projection.Projector;
import io.riskgraph.algorithms.propagation.PropagationConfig;
import io.riskgraph.cypher.Neo4jBackend;
import io.riskgraph.progress.Cancellation;
import io.riskgraph.progress.ProgressListener;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Betweenness as {@code analyze} runs it ({@link BetweennessConfig#DEFAULT} on the standard undirected party
 * projection), on a real store. Arguments: {@code store=DIR} projects an embedded store (closed again before
 * timing) and, with {@code graph=FILE}, saves the projection's topology there; {@code graph=FILE} alone loads a
 * saved one, so repeated runs (and runs of another build's classes) time the same graph without Neo4j.
 * {@code runs=R} timed runs (0: only project and save) after no warm-up (one run is tens of seconds), {@code samples=K} overrides the
 * default sources, {@code threads=T} the concurrency. Prints each run, the median, and a checksum of the scores so
 * that two builds can be compared on the same seed.
 */
public final class BetweennessBench {
    private BetweennessBench() {}

    public static void main(String[] args) throws Exception {
        Path store = null;
        Path file = null;
        int runs = 3;
        BetweennessConfig cfg = BetweennessConfig.DEFAULT;
        for (String a : args) {
            if (a.startsWith("store=")) store = Path.of(a.substring(6));
            else if (a.startsWith("graph=")) file = Path.of(a.substring(6));
            else if (a.startsWith("runs=")) runs = Integer.parseInt(a.substring(5));
            else if (a.startsWith("samples=")) cfg = cfg.withSamples(Integer.parseInt(a.substring(8)));
            else if (a.startsWith("threads=")) {
                cfg = new BetweennessConfig(cfg.exactNodeLimit(), cfg.samples(), cfg.confidence(), cfg.seed(),
                        Integer.parseInt(a.substring(8)), cfg.workBudget());
            } else throw new IllegalArgumentException("unknown argument " + a + " (store=DIR graph=FILE runs=R samples=K threads=T)");
        }
        CompactGraph g;
        if (store != null) {
            long t = System.nanoTime();
            try (Neo4jBackend b = Neo4jBackend.embedded(store, 512L << 20)) {
                g = new Projector(b.store()).load(PropagationConfig.DEFAULT.projection(), ProgressListener.NONE, Cancellation.NEVER);
            }
            System.out.printf(Locale.ROOT, "projected in %d ms%n", (System.nanoTime() - t) / 1_000_000);
            if (file != null) save(g, file);
        } else if (file != null) {
            g = load(file);
        } else {
            throw new IllegalArgumentException("store=DIR or graph=FILE is required");
        }
        describe(g);
        if (runs < 1) return; // runs=0: only project and save
        BetweennessConfig c = cfg;
        Betweenness.Result[] last = new Betweenness.Result[1];
        Timing.median("betweenness, " + c.concurrency() + " thread(s)", runs, false, () -> {
            last[0] = new Betweenness(g, c).result();
            return last[0].sources() + " sources";
        });
        Betweenness.Result r = last[0];
        double sum = 0, max = 0;
        for (double s : r.scores()) {
            sum += s;
            max = Math.max(max, s);
        }
        System.out.printf(Locale.ROOT, "exact %s, sources %,d, error bound %.4g at %.2f; scores sum %.6e, max %.6e%n",
                r.exact(), r.sources(), r.errorBound(), r.confidence(), sum, max);
    }

    static void describe(CompactGraph g) {
        int n = g.nodeCount();
        int leaves = 0;
        for (int v = 0; v < n; v++) if (g.degree(v) == 1) leaves++;
        WeaklyConnectedComponents wcc = new WeaklyConnectedComponents(g, Cancellation.NEVER);
        int[] sizes = wcc.componentSizes();
        int biggest = 0;
        for (int s : sizes) biggest = Math.max(biggest, s);
        System.out.printf(Locale.ROOT, "# java %s, %d cores, max heap %d MiB; %,d nodes, %,d relationships (%s), "
                        + "%,d of degree 1, %,d components, the biggest %,d nodes%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, n,
                g.relationshipCount(), g.orientation(), leaves, wcc.componentCount(), biggest);
    }

    /** Topology only (what betweenness reads): node count, orientation, then each relationship once. */
    static void save(CompactGraph g, Path file) throws Exception {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 20))) {
            boolean undirected = g.orientation() == Orientation.UNDIRECTED;
            out.writeInt(g.nodeCount());
            out.writeBoolean(undirected);
            long m = 0;
            for (int v = 0; v < g.nodeCount(); v++) {
                for (int e = g.start(v); e < g.end(v); e++) if (!undirected || v <= g.target(e)) m++;
            }
            out.writeLong(m);
            for (int v = 0; v < g.nodeCount(); v++) {
                for (int e = g.start(v); e < g.end(v); e++) {
                    int w = g.target(e);
                    if (!undirected || v <= w) {
                        out.writeInt(v);
                        out.writeInt(w);
                    }
                }
            }
        }
    }

    static CompactGraph load(Path file) throws Exception {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 20))) {
            int n = in.readInt();
            boolean undirected = in.readBoolean();
            long m = in.readLong();
            GraphBuilder b = GraphBuilder.simple(undirected ? Orientation.UNDIRECTED : Orientation.NATURAL, false).nodes(n);
            b.expectRelationships(m);
            for (long i = 0; i < m; i++) b.addRelationship(in.readInt(), in.readInt(), 0, 1.0);
            return b.build();
        }
    }
}
