package io.riskgraph.api;

import io.riskgraph.store.GraphReads;
import io.riskgraph.store.GraphNode;
import io.riskgraph.store.GraphPath;
import io.riskgraph.store.GraphStore;
import io.riskgraph.store.TraversalLimits;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the web page's network view draws: the network around an enterprise (nodes within some hops, every
 * relationship among them) and one node expanded a page at a time, so that a hub (an address with 400 firms) opens
 * in pages. Nodes are identified as {@code Label:key}; a masked person by its pseudonym, which this service maps back
 * (for the persons it has shown) so that a consumer can expand through a person it cannot see.
 */
final class NetworkService {
    public static final int PAGE_DEFAULT = 20;
    public static final int PAGE_MAX = 200;
    public static final int AROUND_LIMIT_DEFAULT = 300;
    public static final int AROUND_LIMIT_MAX = 2_000;
    /** Pseudonyms remembered for expansion; past this the map starts over (older pseudonyms must be shown again). */
    static final int PSEUDONYMS_MAX = 500_000;
    /** Relationship types the view follows: the relations between parties and the event links. */
    static final Set<String> TYPES;
    /** Labels whose nodes can be expanded, with their key property. */
    static final Map<String, String> EXPANDABLE = new LinkedHashMap<>();

    static {
        Set<String> t = new TreeSet<>(EntityService.RELATION_TYPES);
        t.addAll(EntityService.EVENT_TYPES);
        TYPES = Set.copyOf(t);
        for (String l : List.of("Enterprise", "Person", "Address", "Phone")) EXPANDABLE.put(l, Views.keyProperty(l));
        for (String l : List.of("Inspection", "Sample", "Penalty", "Complaint", "CourtRecord", "Alert")) EXPANDABLE.put(l, "id");
    }

    private final GraphStore store;
    private final GraphReads reads;
    private final EntityService entities;
    private final Map<String, String> pseudonyms = new ConcurrentHashMap<>();

    NetworkService(GraphStore store, GraphReads reads, EntityService entities) {
        this.store = store;
        this.reads = reads;
        this.entities = entities;
    }

    /** Checked relationship types: the given ones, or every relation between parties when none. */
    static List<String> types(Collection<String> asked) {
        if (asked.isEmpty()) return List.copyOf(new TreeSet<>(EntityService.RELATION_TYPES));
        for (String t : asked) {
            if (!TYPES.contains(t)) {
                throw ApiException.badRequest("INVALID_PARAMETER", "types: '" + t + "' is not a relationship type the network "
                        + "follows; use any of " + String.join(", ", new TreeSet<>(TYPES)));
            }
        }
        return List.copyOf(new TreeSet<>(asked));
    }

    /** The enterprise and what lies within {@code hops}, nearest first, at most {@code limit} nodes; hubs not passed. */
    Map<String, Object> around(String uscc, int hops, List<String> types, int limit, int hubDegree, boolean full,
                               Collection<String> seen) {
        GraphNode subject = entities.enterprise(uscc);
        List<GraphPath> paths = store.neighbourhood(EntityService.ENTERPRISE, subject.property("uscc"),
                new TraversalLimits(hops, Set.copyOf(types), hubDegree, EntityService.MAX_PATHS));
        Map<String, GraphNode> nodes = new LinkedHashMap<>();
        nodes.put(subject.id(), subject);
        boolean truncated = false;
        for (GraphPath p : paths) {
            GraphNode n = p.nodes().getLast();
            if (nodes.containsKey(n.id())) continue;
            if (nodes.size() >= limit) {
                truncated = true;
                break;
            }
            nodes.put(n.id(), n);
        }
        Map<String, Long> degrees = reads.degrees(new ArrayList<>(nodes.keySet()));
        Map<String, String> viewIds = new LinkedHashMap<>();
        List<Map<String, Object>> nodeViews = new ArrayList<>();
        for (GraphNode n : nodes.values()) {
            Map<String, Object> v = node(n, full, seen);
            v.put("degree", degrees.getOrDefault(n.id(), 0L));
            v.put("hub", degrees.getOrDefault(n.id(), 0L) > hubDegree);
            viewIds.put(n.id(), (String) v.get("id"));
            nodeViews.add(v);
        }
        List<Map<String, Object>> edges = new ArrayList<>();
        for (GraphReads.Edge e : reads.relationshipsAmong(new ArrayList<>(nodes.keySet()), types)) {
            edges.add(edge(e, viewIds.get(e.start()), viewIds.get(e.end())));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("center", viewIds.get(subject.id()));
        out.put("hops", hops);
        out.put("types", types);
        out.put("hubDegree", hubDegree);
        out.put("nodes", nodeViews);
        out.put("edges", edges);
        out.put("truncated", truncated || paths.size() >= EntityService.MAX_PATHS);
        return out;
    }

    /** One page of the neighbours of the node {@code Label:key}. */
    Map<String, Object> expand(String ref, List<String> types, int offset, int limit, boolean full, Collection<String> seen) {
        if (ref == null || ref.isBlank()) {
            throw ApiException.badRequest("MISSING_PARAMETER", "'node' is required: Label:key, e.g. Enterprise:91310105MA1GH00743");
        }
        int colon = ref.indexOf(':');
        String label = colon < 0 ? "" : ref.substring(0, colon);
        String key = colon < 0 ? "" : ref.substring(colon + 1);
        String keyProperty = EXPANDABLE.get(label);
        if (keyProperty == null || key.isBlank()) {
            throw ApiException.badRequest("INVALID_PARAMETER", "node must be Label:key with Label one of "
                    + String.join(", ", EXPANDABLE.keySet()) + ", got '" + ref + "'");
        }
        if (label.equals("Person") && key.startsWith("anon-")) {
            String real = pseudonyms.get(key);
            if (real == null) {
                throw ApiException.notFound("UNKNOWN_ENTITY", "the pseudonym " + key + " is not known to this server "
                        + "(it restarted or forgot it); open the network again from an enterprise");
            }
            key = real;
        }
        GraphReads.Expansion x = reads.expand(label, keyProperty, key, types, offset, limit);
        if (x == null) throw ApiException.notFound("UNKNOWN_ENTITY", "no " + label + " '" + key + "' in the graph");
        Map<String, Object> center = node(x.node(), full, seen);
        Map<String, String> viewIds = new LinkedHashMap<>();
        viewIds.put(x.node().id(), (String) center.get("id"));
        Map<String, Map<String, Object>> byStoreId = new LinkedHashMap<>();
        for (GraphReads.Neighbour nb : x.page()) {
            if (byStoreId.containsKey(nb.node().id())) continue;
            Map<String, Object> v = node(nb.node(), full, seen);
            viewIds.put(nb.node().id(), (String) v.get("id"));
            byStoreId.put(nb.node().id(), v);
        }
        Map<String, Long> degrees = reads.degrees(new ArrayList<>(byStoreId.keySet()));
        byStoreId.forEach((id, v) -> {
            long d = degrees.getOrDefault(id, 0L);
            v.put("degree", d);
            v.put("hub", d > entities.hubDegreeMax());
        });
        List<Map<String, Object>> nodes = new ArrayList<>(byStoreId.values());
        List<Map<String, Object>> edges = new ArrayList<>();
        for (GraphReads.Neighbour nb : x.page()) {
            GraphReads.Edge e = nb.relationship();
            edges.add(edge(e, viewIds.get(e.start()), viewIds.get(e.end())));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("node", center);
        out.put("types", types);
        out.put("total", x.total());
        out.put("offset", offset);
        out.put("limit", limit);
        out.put("more", offset + x.page().size() < x.total());
        out.put("nodes", nodes);
        out.put("edges", edges);
        return out;
    }

    /** A node as the view draws it: id ({@code Label:key}), label, key, name, and grade and score where graded. */
    Map<String, Object> node(GraphNode n, boolean full, Collection<String> seen) {
        Map<String, Object> ref = Views.ref(n, full);
        String label = (String) ref.get("label");
        Object key = ref.get("key");
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", label + ":" + key);
        v.putAll(ref);
        if (Boolean.TRUE.equals(ref.get("masked"))) {
            if (pseudonyms.size() >= PSEUDONYMS_MAX) pseudonyms.clear();
            pseudonyms.put(String.valueOf(key), String.valueOf(Views.key(n)));
        }
        if (!v.containsKey("name")) {
            Object date = n.property("date") != null ? n.property("date") : n.property("time");
            v.put("name", date == null ? String.valueOf(key) : label + " " + date);
        }
        for (String p : List.of("grade", "score", "status", "district", "result", "kind")) {
            if (!Boolean.TRUE.equals(ref.get("masked")) && n.property(p) != null) v.put(p, n.property(p));
        }
        if (label.equals("Enterprise") || label.equals("Person")) seen.add(String.valueOf(Views.key(n)));
        return v;
    }

    static Map<String, Object> edge(GraphReads.Edge e, String source, String target) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("source", source);
        m.put("target", target);
        m.put("type", e.type());
        for (String p : List.of("share", "since", "until", "role")) {
            Object v = e.properties().get(p);
            if (v != null) m.put(p, v instanceof Number || v instanceof Boolean ? v : String.valueOf(v));
        }
        return m;
    }

    /** Relationship types from a comma-separated parameter, upper-cased. */
    static List<String> parseTypes(String csv) {
        if (csv == null || csv.isBlank()) return types(List.of());
        Set<String> asked = new LinkedHashSet<>();
        for (String t : csv.split(",")) if (!t.isBlank()) asked.add(t.strip().toUpperCase(java.util.Locale.ROOT));
        return types(asked);
    }
}
