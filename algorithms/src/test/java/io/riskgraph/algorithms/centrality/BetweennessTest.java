package io.riskgraph.algorithms.centrality;

import io.riskgraph.algorithms.TestGraphs;
import io.riskgraph.algorithms.TestGraphs.EdgeList;
import io.riskgraph.algorithms.projection.CompactGraph;
import org.jgrapht.Graph;
import org.jgrapht.alg.scoring.BetweennessCentrality;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleDirectedGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

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
}
