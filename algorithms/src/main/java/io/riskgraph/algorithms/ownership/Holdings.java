package io.riskgraph.algorithms.ownership;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The holdings around one enterprise: who holds what share of whom. Small (hundreds of nodes), so plain objects.
 * Ids are the store's node ids as strings; label and key are kept for the report.
 */
public final class Holdings {
    /** A node: store id, label (Person or Enterprise) and business key (person_id or uscc). */
    public record Party(String id, String label, Object key) {
        public boolean isPerson() { return "Person".equals(label); }
    }

    /** holder holds share (a fraction, NaN when the data gives none) of held. */
    public record Holding(String holder, String held, double share, String type) {}

    private final Map<String, Party> parties = new LinkedHashMap<>();
    private final List<Holding> holdings = new ArrayList<>();
    private boolean truncated;

    public Holdings party(String id, String label, Object key) {
        parties.putIfAbsent(id, new Party(id, label, key));
        return this;
    }

    public Holdings holding(String holder, String held, double share, String type) {
        if (!parties.containsKey(holder) || !parties.containsKey(held)) {
            throw new IllegalArgumentException("declare both parties before a holding: " + holder + " -> " + held);
        }
        if (!Double.isNaN(share) && !(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("share of " + holder + " in " + held + " must be in [0, 1], got " + share);
        }
        holdings.add(new Holding(holder, held, share, type));
        return this;
    }

    /** Convenience for tests: persons are ids starting with "P", others enterprises; key = id. */
    public Holdings holds(String holder, String held, double share) {
        party(holder, holder.startsWith("P") ? "Person" : "Enterprise", holder);
        party(held, held.startsWith("P") ? "Person" : "Enterprise", held);
        return holding(holder, held, share, holder.startsWith("P") ? "SHAREHOLDER_OF" : "INVESTS_IN");
    }

    void markTruncated() { truncated = true; }

    /** True when the reader stopped at a depth or node limit, so holders further up may be missing. */
    public boolean truncated() { return truncated; }

    public Map<String, Party> parties() { return parties; }

    public List<Holding> holdings() { return holdings; }

    public boolean contains(String id) { return parties.containsKey(id); }
}
