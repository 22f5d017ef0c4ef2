package io.riskgraph.algorithms.centrality;

import io.riskgraph.algorithms.TestGraphs;
import io.riskgraph.algorithms.TestGraphs.EdgeList;
import io.riskgraph.algorithms.projection.CompactGraph;
import io.riskgraph.algorithms.projection.Orientation;
import io.riskgraph.progress.Cancellation;
import io.riskgraph.progress.ProgressListener;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleDirectedWeightedGraph;
import org.jgrapht.graph.SimpleGraph;
import org.jgrapht.graph.DefaultEdge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;
import java.util.concurrent.CancellationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PageRankTest {
    private static final PageRankConfig EXACT = PageRankConfig.DEFAULT.withTolerance(1e-13).withMaxIterations(100_000);

    @ParameterizedTest(name = "{0} {1} d={2} weighted={3}")
    @CsvSource({
            "directed60,   pagerank,            0.85, false",
            "weighted120,  pagerank,            0.85, true",
            "weighted120,  pagerank_unweighted, 0.85, false",
            "undirected80, pagerank,            0.85, false",
            "undirected80, pagerank_d70,        0.70, false",
    })
    void equalsNetworkX(String graphName, String measure, double damping, boolean weighted) {
        EdgeList edges = TestGraphs.networkx(graphName);
        double[] expected = TestGraphs.networkxValues(graphName, measure, edges.nodes());
        PageRankConfig config = new PageRankConfig(damping, EXACT.maxIterations(), EXACT.tolerance(), weighted, 2);
        double[] actual = new PageRank(edges.graph(), config).scores();
        for (int v = 0; v < expected.length; v++) {
            assertThat(actual[v]).as("node %d", v).isCloseTo(expected[v], within(1e-9));
        }
    }

    @Test
    void personalisedEqualsNetworkX() {
        EdgeList edges = TestGraphs.networkx("directed60");
        double[] expected = TestGraphs.networkxValues("directed60", "ppr", edges.nodes());
        double[] actual = PageRank.personalized(edges.graph(), EXACT, new int[] {3, 7, 55}, new double[] {1, 2, 1},
                ProgressListener.NONE, Cancellation.NEVER).scores();
        for (int v = 0; v < expected.length; v++) {
            assertThat(actual[v]).as("node %d", v).isCloseTo(expected[v], within(1e-9));
        }
    }

    @ParameterizedTest(name = "n={0} m={1} seed={2} weighted={3} threads={4}")
    @CsvSource({
            "200,  1000, 1, false, 1",
            "500,  1500, 2, false, 2",
            "300,  3000, 3, true,  2",
            "1000, 2500, 4, true,  1",
    })
    void equalsJGraphTOnRandomDirectedGraphs(int n, int m, long seed, boolean weighted, int threads) {
        EdgeList edges = TestGraphs.random(n, m, true, weighted, seed);
        Graph<Integer, DefaultWeightedEdge> g = new SimpleDirectedWeightedGraph<>(DefaultWeightedEdge.class);
        for (int v = 0; v < n; v++) g.addVertex(v);
        for (int i = 0; i < m; i++) {
            DefaultWeightedEdge e = g.addEdge(edges.from()[i], edges.to()[i]);
            g.setEdgeWeight(e, edges.weight()[i]);
        }
        // JGraphT reads weights whenever the graph type is weighted
        Map<Integer, Double> expected = new org.jgrapht.alg.scoring.PageRank<>(weighted ? g
                : new org.jgrapht.graph.AsUnweightedGraph<>(g), 0.85, 100_000, 1e-14).getScores();
        double[] actual = new PageRank(edges.graph(), EXACT.withWeighted(weighted).withConcurrency(threads)).scores();
        for (int v = 0; v < n; v++) assertThat(actual[v]).as("node %d", v).isCloseTo(expected.get(v), within(1e-9));
    }

    /** The tiled sweep (used from TILING_MIN_NODES on) against the pull sweep, forced on graphs of both sizes. */
    @ParameterizedTest(name = "n={0} m={1} weighted={2} orientation={3} threads={4}")
    @CsvSource({
            "1000,   5000,   false, NATURAL,    1",
            "150000, 600000, false, NATURAL,    2",
            "140000, 500000, true,  UNDIRECTED, 2",
            "70000,  300000, true,  REVERSE,    1",
    })
    void tiledSweepEqualsPullSweep(int n, int m, boolean weighted, Orientation o, int threads) {
        CompactGraph g = TestGraphs.random(n, m, true, weighted, n).graph(o);
        PageRankConfig cfg = PageRankConfig.DEFAULT.withWeighted(weighted).withConcurrency(threads).withTolerance(1e-10)
                .withMaxIterations(200).withPrecision(PageRankConfig.Precision.DOUBLE);
        double[] pull = new PageRank(g, cfg).tiled(false).scores();
        double[] tiled = new PageRank(g, cfg).tiled(true).scores();
        for (int v = 0; v < n; v++) assertThat(tiled[v]).as("node %d", v).isCloseTo(pull[v], within(1e-12));
        double[] seeded = PageRank.personalized(g, cfg, new int[] {0, n - 1}, new double[] {1, 3}, ProgressListener.NONE,
                Cancellation.NEVER).tiled(true).scores();
        double[] seededPull = PageRank.personalized(g, cfg, new int[] {0, n - 1}, new double[] {1, 3},
                ProgressListener.NONE, Cancellation.NEVER).tiled(false).scores();
        for (int v = 0; v < n; v += 97) assertThat(seeded[v]).isCloseTo(seededPull[v], within(1e-12));
    }

    /**
     * Single precision (float contributions and sums in the blocked sweep) against double: each score within a
     * relative 1e-5, and the same top nodes. Also on a graph of fewer than TILING_MIN_NODES, where it must change
     * nothing because the pull sweep runs in double.
     */
    @ParameterizedTest(name = "n={0} m={1} weighted={2} threads={3} blocked={4}")
    @CsvSource({
            "270000, 1000000, false, 2, true",
            "270000, 800000,  true,  1, true",
            "5000,   20000,   false, 2, false",
    })
    void singlePrecisionStaysCloseToDouble(int n, int m, boolean weighted, int threads, boolean blocked) {
        CompactGraph g = TestGraphs.random(n, m, true, weighted, 3).graph();
        PageRankConfig cfg = PageRankConfig.DEFAULT.withWeighted(weighted).withConcurrency(threads)
                .withPrecision(PageRankConfig.Precision.DOUBLE);
        double[] exact = new PageRank(g, cfg).scores();
        double[] single = new PageRank(g, cfg.withPrecision(PageRankConfig.Precision.SINGLE)).scores();
        double worst = 0;
        for (int v = 0; v < n; v++) worst = Math.max(worst, Math.abs(single[v] - exact[v]) / exact[v]);
        assertThat(worst).isLessThan(blocked ? 1e-5 : 1e-15);
    }

    @Test
    void equalsJGraphTOnRandomUndirectedGraph() {
        EdgeList edges = TestGraphs.random(400, 1200, false, false, 9);
        Graph<Integer, DefaultEdge> g = new SimpleGraph<>(DefaultEdge.class);
        for (int v = 0; v < 400; v++) g.addVertex(v);
        for (int i = 0; i < edges.from().length; i++) g.addEdge(edges.from()[i], edges.to()[i]);
        Map<Integer, Double> expected = new org.jgrapht.alg.scoring.PageRank<>(g, 0.85, 100_000, 1e-14).getScores();
        double[] actual = new PageRank(edges.graph(Orientation.UNDIRECTED), EXACT).scores();
        for (int v = 0; v < 400; v++) assertThat(actual[v]).isCloseTo(expected.get(v), within(1e-9));
    }

    /** GDS style: a tiny graph with the expected score on each node, worked out by hand. */
    @Test
    void tinyGraphByHand() {
        // 0 -> 1, 1 -> 0: symmetric, so both 1/2; node 2 dangling with no in-links gets only teleport and
        // dangling share: x2 = (1-d)/3 + d*x2/3  =>  x2 = (1-d)/(3-d)
        CompactGraph g = TestGraphs.parse(3, true, "0 1, 1 0").graph();
        double d = 0.85;
        double[] s = new PageRank(g, EXACT).scores();
        double x2 = (1 - d) / (3 - d);
        assertThat(s[2]).isCloseTo(x2, within(1e-12));
        assertThat(s[0]).isCloseTo((1 - x2) / 2, within(1e-12));
        assertThat(s[1]).isCloseTo((1 - x2) / 2, within(1e-12));
    }

    @Test
    void scoresSumToOneAndStopAtMaxIterations() {
        CompactGraph g = TestGraphs.random(500, 2000, true, false, 5).graph();
        PageRank pr = new PageRank(g, PageRankConfig.DEFAULT.withTolerance(0).withMaxIterations(7));
        double sum = 0;
        for (double x : pr.scores()) sum += x;
        assertThat(sum).isCloseTo(1.0, within(1e-12));
        assertThat(pr.iterations()).isEqualTo(7);
        assertThat(pr.converged()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"1.0, 20, 1e-7, dampingFactor must be in [0, 1)", "0.85, 0, 1e-7, maxIterations must be at least 1",
            "0.85, 20, -1, tolerance must be finite and not negative"})
    void rejectsBadConfigWithPreciseMessage(double d, int it, double tol, String message) {
        assertThatThrownBy(() -> new PageRankConfig(d, it, tol, false, 1)).hasMessageContaining(message);
    }

    @Test
    void stopsWhenCancelled() {
        Cancellation c = new Cancellation();
        c.cancel();
        CompactGraph g = TestGraphs.random(50, 100, true, false, 1).graph();
        assertThatThrownBy(() -> new PageRank(g, PageRankConfig.DEFAULT, ProgressListener.NONE, c).scores())
                .isInstanceOf(CancellationException.class);
    }
}
