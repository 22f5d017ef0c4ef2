package io.riskgraph.algorithms.propagation;

import io.riskgraph.algorithms.projection.CompactGraph;
import io.riskgraph.algorithms.projection.GraphBuilder;
import io.riskgraph.algorithms.projection.Orientation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class RiskPropagationTest {
    private static final PropagationConfig CONFIG = PropagationConfig.DEFAULT.withMinContribution(0);
    private static final List<String> TYPES = new ArrayList<>(CONFIG.typeWeights().keySet());
    private static final List<String> LABELS = PropagationConfig.LABELS_DEFAULT;

    /** Nodes "label" (E, P, A for Enterprise, Person, Address); edges "a b TYPE". Store id = index. */
    private static CompactGraph graph(String nodes, String edges) {
        double[] w = new double[TYPES.size()];
        for (int i = 0; i < w.length; i++) w[i] = CONFIG.typeWeights().get(TYPES.get(i));
        GraphBuilder b = new GraphBuilder(LABELS, TYPES, w, Orientation.UNDIRECTED, false);
        String[] ls = nodes.split(" ");
        for (int i = 0; i < ls.length; i++) b.addNode(i, "EPAH".indexOf(ls[i]));
        b.finishNodes();
        if (!edges.isBlank()) {
            for (String e : edges.split(",")) {
                String[] p = e.trim().split(" ");
                b.addRelationship(Integer.parseInt(p[0]), Integer.parseInt(p[1]), TYPES.indexOf(p[2]), 0);
            }
        }
        return b.build();
    }

    private static double[] doubles(String s) {
        return java.util.Arrays.stream(s.split(" ")).mapToDouble(Double::parseDouble).toArray();
    }

    /** Table: nodes, edges, own risk, expected inherited risk on each node (worked out by hand below). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            // A -rep- P -rep- B: P gets 1 * 0.5; B gets 1 * 0.5 * 0.5
            "shared legal representative; E P E; 1 0 LEGAL_REPRESENTATIVE_OF, 1 2 LEGAL_REPRESENTATIVE_OF; 1 0 0; 0 0.5 0.25",
            // both risky: each gets the other's, never its own back
            "two risky firms; E E; 0 1 INVESTS_IN; 1 2; 1 0.5",
            // the stronger of two routes counts, not their sum: direct guarantee 0.5*0.5 = 0.25,
            // via P (shareholder of A, director of B) only 0.5*1 * 0.5*0.6 = 0.15
            "strongest route only; E P E; 0 2 GUARANTEES, 0 1 SHAREHOLDER_OF, 1 2 DIRECTOR_OF; 1 0 0; 0 0.5 0.25",
            // address shared by 2 firms: 0.5*0.3 * 0.5*0.3 = 0.0225
            "shared address; E A E; 0 1 LOCATED_AT, 2 1 LOCATED_AT; 2 0 0; 0 0.3 0.045",
            // beyond three hops nothing arrives
            "hop limit; E P E P E; 0 1 SHAREHOLDER_OF, 2 1 SHAREHOLDER_OF, 2 3 SHAREHOLDER_OF, 4 3 SHAREHOLDER_OF; 1 0 0 0 0; 0 0.5 0.25 0.125 0",
    })
    void inheritedByHand(String name, String nodes, String edges, String own, String expected) {
        CompactGraph g = graph(nodes, edges);
        double[] inherited = new RiskPropagation(g, CONFIG, doubles(own)).result().inherited();
        double[] want = doubles(expected);
        for (int v = 0; v < want.length; v++) assertThat(inherited[v]).as("node %d", v).isCloseTo(want[v], within(1e-12));
    }

    /** A formation-agent address with 40 firms passes 20/40 of what a private address would. */
    @Test
    void hubAddressIsDownWeightedByDegree() {
        StringBuilder nodes = new StringBuilder("A");
        StringBuilder edges = new StringBuilder();
        for (int i = 1; i <= 40; i++) {
            nodes.append(" E");
            edges.append(i == 1 ? "" : ",").append(i).append(" 0 LOCATED_AT");
        }
        double[] own = new double[41];
        own[1] = 1;
        double[] inherited = new RiskPropagation(graph(nodes.toString(), edges.toString()), CONFIG, own).result().inherited();
        double private2 = 0.5 * 0.3 * 0.5 * 0.3;
        assertThat(inherited[2]).isCloseTo(private2 * 20 / 40, within(1e-12));
        assertThat(inherited[0]).isCloseTo(0.5 * 0.3, within(1e-12));
    }

    @Test
    void explanationsAddUpOnEveryNodeOfARandomGraph() {
        CompactGraph g = randomTypedGraph(600, 1500, 17);
        double[] own = new double[g.nodeCount()];
        SplittableRandom rnd = new SplittableRandom(3);
        for (int v = 0; v < own.length; v++) if (rnd.nextInt(8) == 0) own[v] = 0.3 + rnd.nextInt(5);
        PropagationConfig config = PropagationConfig.DEFAULT; // with its minimum contribution, which both sides apply
        RiskPropagation p = new RiskPropagation(g, config, own);
        RiskPropagation.Result r = p.result();
        int explained = 0;
        for (int v = 0; v < g.nodeCount(); v++) {
            RiskPropagation.Explanation x = p.explain(v, 3);
            assertThat(x.inherited()).as("node %d", v).isCloseTo(r.inherited()[v], within(1e-12 + 1e-12 * r.inherited()[v]));
            assertThat(x.explained()).isCloseTo(r.inherited()[v], within(1e-12 + 1e-12 * r.inherited()[v]));
            for (RiskPropagation.Contribution c : x.top()) {
                assertThat(c.source()).isNotEqualTo(v);
                assertThat(c.contribution()).isCloseTo(c.sourceOwnRisk() * c.strength(), within(1e-15));
                assertThat(strengthAlong(g, c.path(), config)).as("path of %d to %d", c.source(), v)
                        .isCloseTo(c.strength(), within(1e-15));
                assertThat(c.path().storeIds()[0]).isEqualTo(g.storeId(c.source()));
                assertThat(c.path().storeIds()[c.path().storeIds().length - 1]).isEqualTo(g.storeId(v));
                assertThat(c.path().length()).isBetween(1, config.maxHops());
            }
            if (!x.top().isEmpty()) explained++;
        }
        assertThat(explained).isGreaterThan(100);
    }

    @Test
    void anUpdateEqualsAFreshPassAndNamesWhatChanged() {
        CompactGraph g = randomTypedGraph(600, 1500, 19);
        double[] own = new double[g.nodeCount()];
        SplittableRandom rnd = new SplittableRandom(5);
        for (int v = 0; v < own.length; v++) if (rnd.nextInt(8) == 0) own[v] = 0.3 + rnd.nextInt(5);
        RiskPropagation p = new RiskPropagation(g, PropagationConfig.DEFAULT, own);
        RiskPropagation.Live live = p.live();
        for (int step = 0; step < 20; step++) {
            double[] next = p.result().own().clone();
            int v = rnd.nextInt(next.length);
            next[v] = step % 3 == 0 ? 0 : next[v] + 1 + rnd.nextInt(3); // risk gained, or a source gone
            RiskPropagation.Update u = p.update(next);
            // the live propagation, changed in place at the one node, gives the same
            int[] liveChanged = live.set(new int[]{v}, new double[]{next[v]});
            assertThat(liveChanged).as("step %d", step).containsExactly(u.changed());
            assertThat(live.own()).isEqualTo(next);
            assertThat(live.inherited()).as("step %d", step).isEqualTo(u.next().result().inherited());
            double[] fresh = new RiskPropagation(g, PropagationConfig.DEFAULT, next).result().inherited();
            double[] was = p.result().inherited(), now = u.next().result().inherited();
            java.util.Set<Integer> changed = new java.util.HashSet<>();
            for (int y : u.changed()) changed.add(y);
            for (int y = 0; y < fresh.length; y++) {
                assertThat(now[y]).as("step %d node %d", step, y).isCloseTo(fresh[y], within(1e-9));
                if (Math.abs(fresh[y] - was[y]) > 1e-9) assertThat(changed).as("step %d node %d", step, y).contains(y);
            }
            p = u.next();
        }
    }

    @Test
    void rejectsWrongInputs() {
        CompactGraph g = graph("E E", "0 1 INVESTS_IN");
        assertThatThrownBy(() -> new RiskPropagation(g, CONFIG, new double[3])).hasMessageContaining("3 values for 2 nodes");
        assertThatThrownBy(() -> new PropagationConfig(Map.of("X", 2.0), 0.5, 3, 20, 0))
                .hasMessageContaining("weight of X must be in (0, 1]");
        assertThatThrownBy(() -> CONFIG.withMaxHops(9)).hasMessageContaining("maxHops must be in 1..6");
        RiskPropagation.Live live = new RiskPropagation(g, CONFIG, new double[]{1, 0}).live();
        assertThatThrownBy(() -> live.set(new int[]{2}, new double[]{1})).hasMessageContaining("no node 2");
        assertThatThrownBy(() -> live.set(new int[]{0, 1}, new double[]{1, -1})).hasMessageContaining("got -1");
        assertThat(live.own()).as("nothing changed by a refused set").containsExactly(1, 0);
    }

    /** Recomputes a path's strength from its types and the degrees of the nodes it passes through. */
    private static double strengthAlong(CompactGraph g, RiskPropagation.Path path, PropagationConfig c) {
        double s = 1;
        for (int i = 0; i < path.length(); i++) {
            s *= c.decay() * c.typeWeights().get(path.types()[i]);
            if (i > 0) {
                int x = g.indexOf(path.storeIds()[i]);
                s *= Math.min(1.0, (double) c.hubDegree() / g.degree(x));
            }
        }
        return s;
    }

    private static CompactGraph randomTypedGraph(int n, int m, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        StringBuilder nodes = new StringBuilder();
        for (int i = 0; i < n; i++) nodes.append(i == 0 ? "" : " ").append(i < 5 ? "A" : rnd.nextInt(3) == 0 ? "P" : "E");
        StringBuilder edges = new StringBuilder();
        for (int i = 0; i < m; i++) {
            // a few hub addresses get many links
            int a = rnd.nextInt(n);
            int b = rnd.nextInt(10) == 0 ? rnd.nextInt(5) : rnd.nextInt(n);
            if (a == b) continue;
            edges.append(edges.isEmpty() ? "" : ",").append(a).append(' ').append(b).append(' ')
                    .append(TYPES.get(rnd.nextInt(TYPES.size())));
        }
        return graph(nodes.toString(), edges.toString());
    }
}
