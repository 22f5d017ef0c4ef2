package io.riskgraph.algorithms.propagation;

import io.riskgraph.algorithms.projection.CompactGraph;
import io.riskgraph.progress.Cancellation;
import io.riskgraph.store.GraphStore;
import io.riskgraph.store.ProjectionSink;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Own risk per projected node, from the event nodes in the store: which events count is decided on their
 * properties (read in bulk with {@link GraphStore#streamNodeProperty}), and the event's relationship says whom
 * it concerns; {@link Counts} says how many of each kind were seen.
 */
public final class EventRisk {
    /** The event kinds, each with how it is recognised and whom it concerns. */
    public enum Kind {
        FAILED_SAMPLE("Sample", List.of("SAMPLED_AT", "PRODUCED_BY"),
                List.of(new Condition("result", v -> "FAIL".equalsIgnoreCase(String.valueOf(v)), false))),
        PENALTY("Penalty", List.of("IMPOSED_ON"), List.of()),
        DISHONEST_EXECUTEE("CourtRecord", List.of("CONCERNS"), List.of(
                new Condition("kind", v -> "DISHONEST_EXECUTEE".equalsIgnoreCase(String.valueOf(v)), false),
                new Condition("status", v -> !"CLEARED".equalsIgnoreCase(String.valueOf(v)), true))),
        VERIFIED_COMPLAINT("Complaint", List.of("COMPLAINS_ABOUT"),
                List.of(new Condition("verified", v -> Boolean.TRUE.equals(v)
                        || "true".equalsIgnoreCase(String.valueOf(v)), false))),
        OPEN_ALERT("Alert", List.of("RAISED_AT"),
                List.of(new Condition("status", v -> "OPEN".equalsIgnoreCase(String.valueOf(v)), false)));

        final String label;
        final List<String> types;
        final List<Condition> conditions;

        Kind(String label, List<String> types, List<Condition> conditions) {
            this.label = label;
            this.types = types;
            this.conditions = conditions;
        }

        double weight(EventRiskWeights w) {
            return switch (this) {
                case FAILED_SAMPLE -> w.failedSample();
                case PENALTY -> w.penalty();
                case DISHONEST_EXECUTEE -> w.dishonestExecutee();
                case VERIFIED_COMPLAINT -> w.verifiedComplaint();
                case OPEN_ALERT -> w.openAlert();
            };
        }

        public String label() { return label; }
    }

    /** A property test; {@code acceptMissing} says whether an event without the property passes. */
    record Condition(String property, Predicate<Object> test, boolean acceptMissing) {}

    /** Own risk per node, and per kind the events that qualified and the links that reached a projected node. */
    public record Counts(double[] own, Map<Kind, Long> qualifiedEvents, Map<Kind, Long> linksCounted) {}

    private EventRisk() {}

    public static Counts compute(GraphStore store, CompactGraph graph,
                                 EventRiskWeights weights, Cancellation cancellation) {
        double[] own = new double[graph.nodeCount()];
        Map<Kind, Long> qualified = new LinkedHashMap<>();
        Kind[] kinds = Kind.values();
        long[][] events = new long[kinds.length][];
        double[] weight = new double[kinds.length];
        // the relationship types of the kinds that count, each with its kind: every type belongs to one kind
        List<String> types = new ArrayList<>();
        List<Integer> kindOfType = new ArrayList<>();
        for (Kind kind : kinds) {
            cancellation.throwIfCancelled();
            weight[kind.ordinal()] = kind.weight(weights);
            events[kind.ordinal()] = qualifying(store, kind);
            qualified.put(kind, (long) events[kind.ordinal()].length);
            if (events[kind.ordinal()].length == 0 || weight[kind.ordinal()] == 0) continue;
            for (String t : kind.types) {
                types.add(t);
                kindOfType.add(kind.ordinal());
            }
        }
        long[] count = new long[kinds.length];
        int[] kindOf = kindOfType.stream().mapToInt(Integer::intValue).toArray();
        if (!types.isEmpty()) {
            // one pass over the relationships for every kind (a pass per kind read the relationship store five times)
            store.streamRelationships(types, null, new ProjectionSink() {
                @Override
                public void relationships(long[] start, long[] end, int[] typeIndex, double[] w, int n) {
                    for (int i = 0; i < n; i++) {
                        int k = kindOf[typeIndex[i]];
                        if (Arrays.binarySearch(events[k], start[i]) < 0) continue;
                        int v = graph.indexOf(end[i]);
                        if (v < 0) continue;
                        own[v] += weight[k];
                        count[k]++;
                    }
                }
            }, 10_000);
        }
        Map<Kind, Long> linked = new LinkedHashMap<>();
        for (Kind kind : kinds) linked.put(kind, count[kind.ordinal()]);
        return new Counts(own, qualified, linked);
    }

    /** Sorted store ids of the events of a kind that pass its conditions. */
    static long[] qualifying(GraphStore store, Kind kind) {
        long[][] ids = {new long[1024]};
        int[] size = {0};
        store.streamNodes(List.of(kind.label), new ProjectionSink() {
            @Override
            public void nodes(long[] batch, int[] labelIndex, int count) {
                if (size[0] + count > ids[0].length) ids[0] = Arrays.copyOf(ids[0], Math.max(size[0] + count, ids[0].length * 2));
                System.arraycopy(batch, 0, ids[0], size[0], count);
                size[0] += count;
            }
        }, 10_000);
        long[] all = Arrays.copyOf(ids[0], size[0]);
        Arrays.sort(all);
        boolean[] keep = new boolean[all.length];
        Arrays.fill(keep, true);
        for (Condition c : kind.conditions) {
            byte[] seen = new byte[all.length]; // 0 = no value, 1 = passes, 2 = fails
            store.streamNodeProperty(kind.label, c.property(), (batch, values, count) -> {
                for (int i = 0; i < count; i++) {
                    int at = Arrays.binarySearch(all, batch[i]);
                    if (at >= 0 && values[i] != null) seen[at] = c.test().test(normal(values[i])) ? (byte) 1 : 2;
                }
            }, 10_000);
            for (int i = 0; i < all.length; i++) keep[i] &= seen[i] == 1 || (seen[i] == 0 && c.acceptMissing());
        }
        int k = 0;
        for (int i = 0; i < all.length; i++) if (keep[i]) all[k++] = all[i];
        return Arrays.copyOf(all, k);
    }

    private static Object normal(Object v) {
        return v instanceof String s ? s.trim().toUpperCase(Locale.ROOT) : v;
    }
}
