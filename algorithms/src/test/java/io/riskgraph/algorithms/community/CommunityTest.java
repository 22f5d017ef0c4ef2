package io.riskgraph.algorithms.community;

import io.riskgraph.algorithms.TestGraphs;
import io.riskgraph.algorithms.TestGraphs.EdgeList;
import io.riskgraph.algorithms.projection.CompactGraph;
import io.riskgraph.algorithms.projection.Orientation;
import org.jgrapht.Graph;
import org.jgrapht.alg.clustering.UndirectedModularityMeasurer;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleWeightedGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CommunityTest {

    /** Table: graph, then the expected component root of each node. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "two triangles and an isolated node; 7; 0 1, 1 2, 2 0, 3 4, 4 5; 0 0 0 3 3 3 6",
            "direction ignored; 4; 1 0, 3 2, 2 1; 0 0 0 0",
            "chain joined last; 6; 4 5, 2 3, 0 1, 1 5; 0 0 2 2 0 0",
    })
    void weaklyConnectedComponents(String name, int n, String edges, String expected) {
        CompactGraph g = TestGraphs.parse(n, true, edges).graph();
        int[] c = new WeaklyConnectedComponents(g).components();
        int[] want = java.util.Arrays.stream(expected.split(" ")).mapToInt(Integer::parseInt).toArray();
        assertThat(c).containsExactly(want);
    }

    @Test
    void wccMatchesJGraphTOnRandomGraph() {
        EdgeList edges = TestGraphs.random(3000, 2500, true, false, 7);
        Graph<Integer, DefaultWeightedEdge> g = jgrapht(edges);
        List<Set<Integer>> sets = new ConnectivityInspector<>(g).connectedSets();
        WeaklyConnectedComponents wcc = new WeaklyConnectedComponents(edges.graph());
        assertThat(wcc.componentCount()).isEqualTo(sets.size());
        int[] c = wcc.components();
        for (Set<Integer> set : sets) {
            int min = set.stream().mapToInt(Integer::intValue).min().orElseThrow();
            for (int v : set) assertThat(c[v]).isEqualTo(min);
        }
    }

    /** Two 5-cliques joined by one edge: two communities; modularity by hand. */
    @Test
    void twoCliquesByHand() {
        StringBuilder sb = new StringBuilder();
        for (int base : new int[] {0, 5}) {
            for (int i = 0; i < 5; i++) for (int j = i + 1; j < 5; j++) sb.append(base + i).append(' ').append(base + j).append(',');
        }
        sb.append("4 5");
        CompactGraph g = TestGraphs.parse(10, false, sb.toString()).graph();
        Louvain.Result r = new Louvain(g, LouvainConfig.DEFAULT).result();
        assertThat(r.communityCount()).isEqualTo(2);
        for (int v = 0; v < 5; v++) {
            assertThat(r.communities()[v]).isEqualTo(r.communities()[0]);
            assertThat(r.communities()[v + 5]).isEqualTo(r.communities()[5]);
        }
        // m = 21; each side: in = 2*10 + 0, tot = 2*10 + 1
        double expected = 2 * (20.0 / 42 - Math.pow(21.0 / 42, 2));
        assertThat(r.modularity()).isCloseTo(expected, within(1e-12));
    }

    @Test
    void louvainFindsPlantedGroupsAndMatchesNetworkXModularity() throws IOException {
        EdgeList edges = TestGraphs.networkx("planted100");
        Louvain.Result r = new Louvain(edges.graph(), LouvainConfig.DEFAULT).result();
        Map<String, Double> nx = new HashMap<>();
        try (InputStream in = getClass().getResourceAsStream("/networkx/planted100.modularity.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] p = line.split(" ");
                nx.put(p[0], Double.parseDouble(p[1]));
            }
        }
        assertThat(r.modularity()).isGreaterThanOrEqualTo(nx.get("louvain") - 0.01);
        assertThat(r.communityCount()).isEqualTo(4);
        for (int g = 0; g < 4; g++) {
            Set<Integer> ids = new HashSet<>();
            for (int v = 25 * g; v < 25 * g + 25; v++) ids.add(r.communities()[v]);
            assertThat(ids).as("group %d", g).hasSize(1);
        }
        assertThat(r.modularity()).isCloseTo(independentModularity(edges, r.communities()), within(1e-12));
    }

    @ParameterizedTest
    @CsvSource({"500, 1500, 1, false", "800, 4000, 2, true", "300, 600, 3, false"})
    void reportedModularityEqualsJGraphTMeasurer(int n, int m, long seed, boolean weighted) {
        EdgeList edges = TestGraphs.random(n, m, false, weighted, seed);
        Louvain.Result r = new Louvain(edges.graph(Orientation.UNDIRECTED), LouvainConfig.DEFAULT).result();
        Graph<Integer, DefaultWeightedEdge> g = jgrapht(edges);
        List<Set<Integer>> parts = new ArrayList<>();
        for (int c = 0; c < r.communityCount(); c++) parts.add(new HashSet<>());
        for (int v = 0; v < n; v++) parts.get(r.communities()[v]).add(v);
        double expected = new UndirectedModularityMeasurer<>(g).modularity(parts);
        assertThat(r.modularity()).isCloseTo(expected, within(1e-9));
        assertThat(r.modularity()).isCloseTo(independentModularity(edges, r.communities()), within(1e-9));
        assertThat(r.modularity()).isGreaterThan(0.2);
    }

    /** Straight from the definition over the edge list, sharing nothing with Louvain's bookkeeping. */
    private static double independentModularity(EdgeList edges, int[] comm) {
        double m = 0;
        Map<Integer, Double> degree = new HashMap<>();
        for (int i = 0; i < edges.from().length; i++) {
            m += edges.weight()[i];
            degree.merge(edges.from()[i], edges.weight()[i], Double::sum);
            degree.merge(edges.to()[i], edges.weight()[i], Double::sum);
        }
        double q = 0;
        for (int i = 0; i < edges.from().length; i++) {
            if (comm[edges.from()[i]] == comm[edges.to()[i]]) q += edges.weight()[i] / m;
        }
        Map<Integer, Double> tot = new HashMap<>();
        degree.forEach((v, k) -> tot.merge(comm[v], k, Double::sum));
        for (double t : tot.values()) q -= (t / (2 * m)) * (t / (2 * m));
        return q;
    }

    private static Graph<Integer, DefaultWeightedEdge> jgrapht(EdgeList edges) {
        Graph<Integer, DefaultWeightedEdge> g = new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
        for (int v = 0; v < edges.nodes(); v++) g.addVertex(v);
        for (int i = 0; i < edges.from().length; i++) {
            DefaultWeightedEdge e = g.addEdge(edges.from()[i], edges.to()[i]);
            if (e != null) g.setEdgeWeight(e, edges.weight()[i]);
        }
        return g;
    }
}
