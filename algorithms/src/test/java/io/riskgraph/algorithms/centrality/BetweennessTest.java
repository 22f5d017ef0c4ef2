package io.riskgraph.algorithms.centrality;

import io.riskgraph.algorithms.TestGraphs;
import io.riskgraph.algorithms.TestGraphs.EdgeList;
import io.riskgraph.algorithms.projection.CompactGraph;
import org.jgrapht.Graph;
import org.jgrapht.alg.scoring.BetweennessCentrality;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleDirectedGraph;
import org.jgrapht.graph.SimpleGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BetweennessTest {

    @ParameterizedTest
    @ValueSource(strings = {"directed60", "undirected80"})
    void exactEqualsNetworkX(String name) {
        EdgeList edges = TestGraphs.networkx(name);
        double[] expected = TestGraphs.networkxValues(name, "betweenness", edges.nodes());
        Betweenness.Result r = new Betweenness(edges.graph(), BetweennessConfig.DEFAULT).result();
        assertThat(r.exact()).isTrue();
        for (int v = 0; v < expected.length; v++) assertThat(r.scores()[v]).as("node %d", v).isCloseTo(expected[v], within(1e-9));
    }

    @Test
    void exactEqualsJGraphTOnRandomDirectedGraph() {
        EdgeList edges = TestGraphs.random(300, 1200, true, false, 11);
        Graph<Integer, DefaultEdge> g = new SimpleDirectedGraph<>(DefaultEdge.class);
        for (int v = 0; v < 300; v++) g.addVertex(v);
        for (int i = 0; i < edges.from().length; i++) g.addEdge(edges.from()[i], edges.to()[i]);
        Map<Integer, Double> expected = new BetweennessCentrality<>(g).getScores();
        double[] actual = new Betweenness(edges.graph(), BetweennessConfig.DEFAULT).scores();
        for (int v = 0; v < 300; v++) assertThat(actual[v]).isCloseTo(expected.get(v), within(1e-7));
    }

    /** A path 0-1-2-3-4: the middle node lies on 2*2 = 4 pairs, its neighbours on 3 each, the ends on none. */
    @Test
    void pathByHand() {
        CompactGraph g = TestGraphs.parse(5, false, "0 1, 1 2, 2 3, 3 4").graph();
        assertThat(new Betweenness(g, BetweennessConfig.DEFAULT).scores()).containsExactly(0, 3, 4, 3, 0);
    }

    @Test
    void sampledStaysWithinItsStatedBound() {
        EdgeList edges = TestGraphs.random(2000, 8000, false, false, 3);
        double[] exact = new Betweenness(edges.graph(), BetweennessConfig.DEFAULT).scores();
        Betweenness.Result sampled = new Betweenness(edges.graph(),
                BetweennessConfig.DEFAULT.withExactNodeLimit(100).withSamples(400)).result();
        assertThat(sampled.exact()).isFalse();
        assertThat(sampled.errorBound()).isPositive();
        int outside = 0;
        for (int v = 0; v < exact.length; v++) if (Math.abs(sampled.scores()[v] - exact[v]) > sampled.errorBound()) outside++;
        // the bound holds per node with 95 % probability; Hoeffding is loose, so in practice none fall outside
        assertThat(outside).isLessThanOrEqualTo(exact.length / 20);
        double totalExact = 0, totalSampled = 0;
        for (int v = 0; v < exact.length; v++) {
            totalExact += exact[v];
            totalSampled += sampled.scores()[v];
        }
        assertThat(totalSampled / totalExact).isCloseTo(1.0, within(0.1));
    }

    /** samples, work budget, nodes, relationships: the sources a sampled run takes. */
    @ParameterizedTest
    @CsvSource({
            "1000, 2000000000, 651616, 789968, 1000", // the 100,000-firm demo city keeps the default
            "1000, 2000000000, 19000000, 23000000, 47", // a whole city: what the budget allows
            "1000, 10, 23000000, 60000000, 16", // never fewer than SAMPLES_MIN
            "8, 10, 23000000, 60000000, 8", // nor more than asked
            "400, 1000000, 1000, 4000, 200"})
    void theWorkBudgetCapsTheSources(int samples, long budget, int nodes, long relationships, int sources) {
        BetweennessConfig d = BetweennessConfig.DEFAULT;
        BetweennessConfig c = new BetweennessConfig(d.exactNodeLimit(), samples, d.confidence(), d.seed(), 1, budget);
        assertThat(c.sourcesFor(nodes, relationships)).isEqualTo(sources);
    }

    @Test
    void aSmallBudgetWidensTheStatedBound() {
        EdgeList edges = TestGraphs.random(2000, 8000, false, false, 3);
        BetweennessConfig d = BetweennessConfig.DEFAULT.withExactNodeLimit(100).withSamples(400);
        Betweenness.Result full = new Betweenness(edges.graph(), d).result();
        Betweenness.Result capped = new Betweenness(edges.graph(), new BetweennessConfig(100, 400, d.confidence(), d.seed(),
                d.concurrency(), 100L * (2000 + edges.graph().relationshipCount()))).result();
        assertThat(full.sources()).isEqualTo(400);
        assertThat(capped.sources()).isEqualTo(100);
        assertThat(capped.errorBound()).isCloseTo(2 * full.errorBound(), within(1e-6 * full.errorBound()));
    }

    /**
     * A big component and many small ones: the small ones are exact, the big one is sampled with fewer sources
     * than the whole graph would need, and the stated bound is no wider than the whole-graph one.
     */
    @Test
    void componentsAreEstimatedOnTheirOwnForTheSameBound() {
        EdgeList big = TestGraphs.random(1500, 6000, false, false, 5);
        StringBuilder edges = new StringBuilder();
        for (int e = 0; e < big.from().length; e++) {
            edges.append(edges.isEmpty() ? "" : ", ").append(big.from()[e]).append(' ').append(big.to()[e]);
        }
        int n = 1500;
        for (int c = 0; c < 100; c++) { // 100 paths of 5 nodes
            for (int i = 0; i < 4; i++) edges.append(", ").append(n + i).append(' ').append(n + i + 1);
            n += 5;
        }
        CompactGraph g = TestGraphs.parse(n, false, edges.toString()).graph();
        double[] exact = new Betweenness(g, BetweennessConfig.DEFAULT).scores();
        BetweennessConfig cfg = BetweennessConfig.DEFAULT.withExactNodeLimit(100).withSamples(400);
        Betweenness.Result r = new Betweenness(g, cfg).result();
        double wholeGraphBound = 0.5 * n * (n - 2) * Math.sqrt(Math.log(2 / 0.05) / (2.0 * 400));
        assertThat(r.exact()).isFalse();
        assertThat(r.errorBound()).isPositive().isLessThanOrEqualTo(wholeGraphBound);
        // the 500 path nodes exactly, plus about (1500*1498 / 2000*1998)^2 * 400 = 127 sampled, against 400 sampled
        assertThat(r.sources()).isBetween(500 + 100, 500 + 200);
        for (int v = 1500; v < n; v++) assertThat(r.scores()[v]).isCloseTo(exact[v], within(1e-9));
        int outside = 0;
        for (int v = 0; v < 1500; v++) if (Math.abs(r.scores()[v] - exact[v]) > r.errorBound()) outside++;
        assertThat(outside).isLessThanOrEqualTo(1500 / 20);
    }

    /**
     * A star of 4 leaves (folded into its centre), a lone pair (neither end is folded), an isolated node, and a
     * path 5-6-7-8 whose ends are leaves: the centre lies on the 4*3/2 = 6 pairs of its leaves.
     */
    @Test
    void leavesFoldedByHand() {
        CompactGraph g = TestGraphs.parse(11, false, "0 1, 0 2, 0 3, 0 4, 5 6, 6 7, 7 8, 9 10").graph();
        assertThat(new Betweenness(g, BetweennessConfig.DEFAULT).scores()).containsExactly(6, 0, 0, 0, 0, 0, 2, 2, 0, 0, 0);
    }

    /**
     * Sparse graphs are mostly trees and leaves: folding the leaves into their anchors must leave the exact scores
     * as they are (JGraphT's Brandes on the unfolded graph), also for leaves of leaves, stars, pairs and
     * isolated nodes.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void foldedLeavesKeepExactScores(long seed) {
        int n = 400;
        SplittableRandom rnd = new SplittableRandom(seed);
        Graph<Integer, DefaultEdge> g = new SimpleGraph<>(DefaultEdge.class);
        for (int v = 0; v < n; v++) g.addVertex(v);
        StringBuilder edges = new StringBuilder();
        for (int v = 1; v < n; v++) {
            if (v % 37 == 0) continue; // a few isolated nodes and separate trees
            int u = rnd.nextInt(v); // a random forest: many leaves, chains, stars
            if (g.addEdge(u, v) != null) edges.append(edges.isEmpty() ? "" : ", ").append(u).append(' ').append(v);
        }
        for (int i = 0; i < 60; i++) { // a few cycles so that paths are not unique
            int u = rnd.nextInt(n), v = rnd.nextInt(n);
            if (u != v && !g.containsEdge(u, v) && g.addEdge(u, v) != null) edges.append(", ").append(u).append(' ').append(v);
        }
        CompactGraph cg = TestGraphs.parse(n, false, edges.toString()).graph();
        int leaves = 0;
        for (int v = 0; v < n; v++) if (cg.degree(v) == 1) leaves++;
        assertThat(leaves).isGreaterThan(n / 4);
        Map<Integer, Double> expected = new BetweennessCentrality<>(g).getScores();
        double[] actual = new Betweenness(cg, BetweennessConfig.DEFAULT).scores();
        for (int v = 0; v < n; v++) assertThat(actual[v]).as("node %d", v).isCloseTo(expected.get(v), within(1e-7));
    }

    /**
     * Sampled, the folded searches compute the same estimator as one Brandes search per drawn source on the whole
     * graph: a drawn leaf takes its anchor's search, so the stated bound is unchanged.
     */
    @Test
    void sampledWithLeavesFoldedIsTheSameEstimator() {
        int n = 3000;
        SplittableRandom rnd = new SplittableRandom(9);
        StringBuilder edges = new StringBuilder();
        for (int v = 1; v < n; v++) {
            if (v % 101 == 0) continue;
            edges.append(edges.isEmpty() ? "" : ", ").append(rnd.nextInt(v)).append(' ').append(v);
        }
        for (int i = 0; i < 600; i++) edges.append(", ").append(rnd.nextInt(n)).append(' ').append(rnd.nextInt(n));
        CompactGraph g = TestGraphs.parse(n, false, edges.toString()).graph();
        Betweenness b = new Betweenness(g, BetweennessConfig.DEFAULT.withExactNodeLimit(100).withSamples(300));
        Betweenness.Result r = b.result();
        Betweenness.Plan plan = b.plan(new io.riskgraph.algorithms.community.WeaklyConnectedComponents(g).components());
        assertThat(r.exact()).isFalse();
        assertThat(plan.sampled()).isTrue();
        assertThat(r.errorBound()).isEqualTo(plan.errorBound());
        double[] expected = new double[n];
        for (int i = 0; i < plan.sources().length; i++) {
            double[] d = dependencies(g, plan.sources()[i]);
            for (int v = 0; v < n; v++) expected[v] += plan.weights()[i] * d[v] * 0.5;
        }
        for (int v = 0; v < n; v++) {
            assertThat(r.scores()[v]).as("node %d", v).isCloseTo(expected[v], within(1e-9 * Math.max(1, expected[v])));
        }
    }

    /** Plain Brandes dependencies of one source on every node (the unfolded reference). */
    private static double[] dependencies(CompactGraph g, int s) {
        int n = g.nodeCount();
        int[] dist = new int[n];
        java.util.Arrays.fill(dist, -1);
        double[] sigma = new double[n];
        double[] delta = new double[n];
        int[] order = new int[n];
        int head = 0, tail = 0;
        order[tail++] = s;
        dist[s] = 0;
        sigma[s] = 1;
        while (head < tail) {
            int v = order[head++];
            for (int e = g.start(v); e < g.end(v); e++) {
                int w = g.target(e);
                if (dist[w] < 0) {
                    dist[w] = dist[v] + 1;
                    order[tail++] = w;
                }
                if (dist[w] == dist[v] + 1) sigma[w] += sigma[v];
            }
        }
        for (int i = tail - 1; i > 0; i--) {
            int w = order[i];
            for (int e = g.start(w); e < g.end(w); e++) {
                int v = g.target(e);
                if (dist[v] == dist[w] - 1) delta[v] += sigma[v] / sigma[w] * (1 + delta[w]);
            }
        }
        delta[s] = 0;
        return delta;
    }
}
