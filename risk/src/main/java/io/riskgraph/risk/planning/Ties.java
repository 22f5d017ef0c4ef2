package io.riskgraph.risk.planning;

import io.riskgraph.model.Role;
import io.riskgraph.store.GraphStore;
import io.riskgraph.store.NodeKey;
import io.riskgraph.store.TraversalLimits;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The enterprises each inspector is personally tied to (see {@link TieParams}), read in one batched search. */
public final class Ties {
    public static final NodeKey PERSON = new NodeKey("Person", "person_id");
    public static final NodeKey ENTERPRISE = new NodeKey("Enterprise", "uscc");
    /** Relationship types a personal tie may run over. Supply links are business, not personal, and are left out. */
    public static final Set<String> TIE_TYPES;

    static {
        Set<String> t = new java.util.TreeSet<>(List.of("LOCATED_AT", "HAS_PHONE", "INVESTS_IN", "BRANCH_OF", "GUARANTEES"));
        for (Role r : Role.values()) t.add(r.relationshipType());
        TIE_TYPES = Set.copyOf(t);
    }

    private final Map<String, Set<String>> byInspector;

    private Ties(Map<String, Set<String>> byInspector) {
        this.byInspector = byInspector;
    }

    /** Ties as given (inspector id → USCCs), for callers that computed them elsewhere. */
    public static Ties of(Map<String, Set<String>> byInspector) {
        Map<String, Set<String>> copy = new HashMap<>();
        byInspector.forEach((k, v) -> copy.put(k, Set.copyOf(v)));
        return new Ties(copy);
    }

    public static Ties read(GraphStore store, List<Inspector> inspectors, TieParams params) {
        List<String> persons = new ArrayList<>();
        for (Inspector i : inspectors) if (i.personId() != null) persons.add(i.personId());
        Map<Object, Set<Object>> reach = store.reachable(PERSON, persons, ENTERPRISE,
                new TraversalLimits(params.maxHops(), TIE_TYPES, params.maxDegree(), Integer.MAX_VALUE));
        Map<String, Set<String>> out = new HashMap<>();
        for (Inspector i : inspectors) {
            Set<Object> firms = i.personId() == null ? null : reach.get(i.personId());
            Set<String> s = new java.util.HashSet<>();
            if (firms != null) firms.forEach(f -> s.add(String.valueOf(f)));
            out.put(i.id(), s);
        }
        return new Ties(out);
    }

    public boolean tied(String inspectorId, String uscc) {
        Set<String> s = byInspector.get(inspectorId);
        return s != null && s.contains(uscc);
    }

    /** Number of (inspector, enterprise) ties. */
    public long size() {
        return byInspector.values().stream().mapToLong(Set::size).sum();
    }
}
