package io.riskgraph.risk.learning;

import io.riskgraph.algorithms.projection.CompactGraph;
import io.riskgraph.algorithms.projection.GraphBuilder;
import io.riskgraph.algorithms.projection.Orientation;
import io.riskgraph.algorithms.propagation.EventRiskWeights;
import io.riskgraph.algorithms.propagation.PropagationConfig;
import io.riskgraph.algorithms.propagation.RiskPropagation;
import io.riskgraph.risk.grading.GradingData;
import io.riskgraph.risk.grading.IndicatorContext;

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

    /** Own and inherited risk of every enterprise as of the context's day: {@code [0]} own, {@code [1]} inherited. */
    static double[][] compute(IndicatorContext c) {
        return result(c).values;
    }

    /** The enterprises whose own or inherited risk differs from the propagation this context's was updated from. */
    static java.util.BitSet changed(IndicatorContext c) {
        return result(c).changed;
    }

    /** One context's values, and which firms changed since the previous state (all when computed afresh). */
    private record Computed(double[][] values, java.util.BitSet changed) {}

    /**
     * The latest propagation of a context lineage: a re-grade's context inherits it (its inputs are none), so that the
     * re-grade updates it from the events that changed instead of recomputing the whole graph.
     */
    private static final class State {
        RiskPropagation propagation;
        int day;
    }

    private static Computed result(IndicatorContext c) {
        return c.cached("learn:propagation", FeatureMatrix.EVENTS, () -> {
            CompactGraph g = graph(c);
            State state = c.cached("learn:propagation-state", java.util.Set.of(), State::new);
            GradingData d = c.data;
            int n = d.enterpriseCount();
            double[] own = new double[g.nodeCount()];
            add(c, own, n, d.samples, M36, is(d.samples, "result", "FAIL"), WEIGHTS.failedSample(), true);
            add(c, own, n, d.penalties, M36, i -> true, WEIGHTS.penalty(), false);
            add(c, own, n, d.courtRecords, M36, is(d.courtRecords, "kind", "DISHONEST_EXECUTEE"), WEIGHTS.dishonestExecutee(), false);
            add(c, own, n, d.complaints, M36, is(d.complaints, "verified", "true"), WEIGHTS.verifiedComplaint(), false);
            add(c, own, n, d.alerts, M6, i -> true, WEIGHTS.openAlert(), false);
            java.util.BitSet changed = new java.util.BitSet(n);
            synchronized (state) {
                if (state.propagation == null || state.day != c.asOfDay) {
                    state.propagation = new RiskPropagation(g, CONFIG, own);
                    state.day = c.asOfDay;
                    changed.set(0, n);
                } else {
                    RiskPropagation.Update u = state.propagation.update(own);
                    double[] was = state.propagation.result().own();
                    for (int i = 0; i < n; i++) if (was[i] != own[i]) changed.set(i);
                    for (int y : u.changed()) if (y < n) changed.set(y);
                    state.propagation = u.next();
                }
                RiskPropagation.Result r = state.propagation.result();
                return new Computed(new double[][]{java.util.Arrays.copyOf(r.own(), n),
                        java.util.Arrays.copyOf(r.inherited(), n)}, changed);
            }
        });
    }

    private static void add(IndicatorContext c, double[] own, int n, GradingData.Events ev, int window, IntPredicate keep,
                            double weight, boolean second) {
        if (weight == 0) return;
        for (int i = 0; i < ev.size(); i++) {
            if (!c.inWindow(ev.day[i], window) || !keep.test(i)) continue;
            if (ev.ent[i] >= 0) own[ev.ent[i]] += weight;
            if (second && ev.ent2[i] >= 0) own[ev.ent2[i]] += weight;
            if (ev.person[i] >= 0) own[n + ev.person[i]] += weight;
        }
    }
}
