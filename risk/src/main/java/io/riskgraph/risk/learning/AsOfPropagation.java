package io.riskgraph.risk.learning;

import io.riskgraph.algorithms.projection.CompactGraph;
import io.riskgraph.algorithms.projection.GraphBuilder;
import io.riskgraph.algorithms.projection.Orientation;
import io.riskgraph.algorithms.propagation.EventRiskWeights;
import io.riskgraph.algorithms.propagation.PropagationConfig;
import io.riskgraph.algorithms.propagation.RiskPropagation;
import io.riskgraph.risk.grading.EventCount;
import io.riskgraph.risk.grading.GradingData;
import io.riskgraph.risk.grading.IndicatorContext;

import org.eclipse.collections.impl.map.mutable.primitive.IntDoubleHashMap;
import org.eclipse.collections.impl.map.mutable.primitive.LongIntHashMap;
import org.eclipse.collections.impl.map.mutable.primitive.ObjectIntHashMap;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

import static io.riskgraph.risk.grading.IndicatorContext.M36;
import static io.riskgraph.risk.grading.IndicatorContext.M6;
import static io.riskgraph.risk.grading.IndicatorContext.is;

/**
 * analyze's risk propagation ({@link RiskPropagation} with its default configuration and event weights) recomputed
 * as of a context's day from the events on or before it, so that a learned model can use propagated risk without the
 * leakage of analyze's write-back (S18, N01: every event, the label window's included).
 *
 * <p>Own risk as of the day: failed samples (sampled firm and producer), penalties, dishonest-executee records of a
 * firm or a person and verified complaints in 36 months, alerts in 6 months (analyze's "open" alerts: whether an alert
 * was still open on a past day is not stored). Court records count whatever their status today, since a record cleared
 * later was active then. The graph: enterprises, persons, addresses and phones, linked by roles, enterprise links and
 * contact points, with the configuration's type weights and hub damping.
 */
final class AsOfPropagation {
    static final PropagationConfig CONFIG = PropagationConfig.DEFAULT;
    static final EventRiskWeights WEIGHTS = EventRiskWeights.DEFAULT;

    private AsOfPropagation() {}

    /** The graph of a context's data (enterprises first, then persons, then contact points); events do not change it. */
    static CompactGraph graph(IndicatorContext c) {
        return c.cached("learn:propagation-graph", java.util.Set.of(), () -> build(c.data));
    }

    private static CompactGraph build(GradingData d) {
        List<String> types = new ArrayList<>(CONFIG.typeWeights().keySet());
        double[] weights = new double[types.size()];
        for (int t = 0; t < weights.length; t++) weights[t] = CONFIG.typeWeights().get(types.get(t));
        ObjectIntHashMap<String> typeIndex = new ObjectIntHashMap<>();
        for (int t = 0; t < types.size(); t++) typeIndex.put(types.get(t), t);
        int n = d.enterpriseCount(), p = d.personIds.length;
        // contact points (address and phone nodes, shared by firms and persons) numbered after the persons
        LongIntHashMap contact = new LongIntHashMap();
        for (long[] key : List.of(d.entAddress, d.entPhone, d.personAddress, d.personPhone)) {
            for (long k : key) if (k >= 0 && !contact.containsKey(k)) contact.put(k, n + p + contact.size());
        }
        GraphBuilder b = new GraphBuilder(PropagationConfig.LABELS_DEFAULT, types, weights, Orientation.UNDIRECTED, true);
        b.nodes(n + p + contact.size());
        int located = typeIndex.getIfAbsent("LOCATED_AT", -1), phone = typeIndex.getIfAbsent("HAS_PHONE", -1);
        for (int r = 0; r < d.rolePerson.length; r++) {
            int t = typeIndex.getIfAbsent(d.roleType[r], -1);
            if (t >= 0) b.addRelationship(n + d.rolePerson[r], d.roleEnt[r], t, weights[t]);
        }
        for (int l = 0; l < d.linkFrom.length; l++) {
            int t = typeIndex.getIfAbsent(d.linkType[l], -1);
            if (t >= 0) b.addRelationship(d.linkFrom[l], d.linkTo[l], t, weights[t]);
        }
        contacts(b, d.entAddress, 0, contact, located, weights);
        contacts(b, d.entPhone, 0, contact, phone, weights);
        contacts(b, d.personAddress, n, contact, located, weights);
        contacts(b, d.personPhone, n, contact, phone, weights);
        return b.build();
    }

    private static void contacts(GraphBuilder b, long[] key, int first, LongIntHashMap contact, int type, double[] w) {
        if (type < 0) return;
        for (int i = 0; i < key.length; i++) if (key[i] >= 0) b.addRelationship(first + i, contact.get(key[i]), type, w[type]);
    }

    /**
     * Own and inherited risk of every enterprise as of the context's day: {@code [0]} own, {@code [1]} inherited, by
     * enterprise index (the arrays are the propagation graph's, enterprises first: longer than the enterprises).
     */
    static double[][] compute(IndicatorContext c) {
        return result(c).values;
    }

    /** The enterprises whose own or inherited risk differs from the propagation this context's was updated from. */
    static java.util.BitSet changed(IndicatorContext c) {
        return result(c).changed;
    }

    /**
     * One context's values (graph-sized, enterprises first; the live arrays of the propagation, which a re-grade's
     * patch updates in place), and which enterprises changed since the previous context (all when computed afresh).
     */
    private record Computed(RiskPropagation.Live live, double[][] values, java.util.BitSet changed) {}

    private static Computed result(IndicatorContext c) {
        return c.cached("learn:propagation", FeatureMatrix.EVENTS, () -> {
            double[] own = new double[graph(c).nodeCount()];
            int n = c.n;
            for (Source s : SOURCES) s.each(c, null, (node, w) -> own[node] += w);
            RiskPropagation.Live live = new RiskPropagation(graph(c), CONFIG, own).live();
            java.util.BitSet changed = new java.util.BitSet(n);
            changed.set(0, n);
            return new Computed(live, new double[][]{live.own(), live.inherited()}, changed);
        }, AsOfPropagation::addNew);
    }

    /** The patch: the new events' own risk added at the nodes they name, propagated from there alone. */
    private static Computed addNew(Computed was, IndicatorContext next, int[][] added) {
        int n = next.n;
        IntDoubleHashMap delta = new IntDoubleHashMap();
        for (Source s : SOURCES) s.each(next, added[s.events().family()], delta::addToValue);
        int[] nodes = delta.keySet().toSortedArray();
        double[] own = was.live().own(), values = new double[nodes.length];
        for (int k = 0; k < nodes.length; k++) values[k] = own[nodes[k]] + delta.get(nodes[k]);
        java.util.BitSet changed = new java.util.BitSet(n);
        for (int k = 0; k < nodes.length; k++) if (nodes[k] < n && values[k] != own[nodes[k]]) changed.set(nodes[k]);
        for (int y : was.live().set(nodes, values)) if (y < n) changed.set(y);
        return new Computed(was.live(), was.values(), changed);
    }

    /**
     * One kind of event that carries own risk: the events it counts, the weight of each, and whether a sample's
     * producer is charged too. An event adds to its firm and, for a court record, to its person.
     */
    private record Source(EventCount events, double weight, boolean producerToo) {
        /** Calls {@code to} with each node and weight of the counted events at {@code positions} (null: all). */
        void each(IndicatorContext c, int[] positions, NodeWeight to) {
            if (weight == 0) return;
            GradingData.Events ev = events.events(c.data);
            IntPredicate keep = events.filter(ev);
            int size = positions == null ? ev.size() : positions.length;
            for (int k = 0; k < size; k++) {
                int i = positions == null ? k : positions[k];
                if (!c.inWindow(ev.day[i], events.window()) || !keep.test(i)) continue;
                if (ev.ent[i] >= 0) to.add(ev.ent[i], weight);
                if (producerToo && ev.ent2[i] >= 0) to.add(ev.ent2[i], weight);
                if (ev.person[i] >= 0) to.add(c.n + ev.person[i], weight);
            }
        }
    }

    @FunctionalInterface
    private interface NodeWeight { void add(int node, double weight); }

    /**
     * Own risk as of the day: failed samples (sampled firm and producer), penalties, dishonest-executee records and
     * verified complaints in 36 months, alerts in 6 months.
     */
    private static final List<Source> SOURCES = List.of(
            new Source(EventCount.where(1, M36, "result", "FAIL"), WEIGHTS.failedSample(), true),
            new Source(EventCount.all(2, M36), WEIGHTS.penalty(), false),
            new Source(EventCount.where(4, M36, "kind", "DISHONEST_EXECUTEE"), WEIGHTS.dishonestExecutee(), false),
            new Source(EventCount.where(3, M36, "verified", "true"), WEIGHTS.verifiedComplaint(), false),
            new Source(EventCount.all(5, M6), WEIGHTS.openAlert(), false));
}
