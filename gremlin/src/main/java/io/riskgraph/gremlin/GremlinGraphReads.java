package io.riskgraph.gremlin;

import io.riskgraph.store.GraphNode;
import io.riskgraph.store.GraphReads;
import io.riskgraph.store.GraphStoreException;
import io.riskgraph.store.NodeKey;
import org.apache.tinkerpop.gremlin.process.traversal.P;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.GraphTraversal;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.GraphTraversalSource;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.__;
import org.apache.tinkerpop.gremlin.structure.Direction;
import org.apache.tinkerpop.gremlin.structure.T;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * {@link GraphReads} in Gremlin over the driver: the same answers as the Cypher reads (risk events counted the same
 * way, links, holdings, the network page, the dashboard's aggregates). Aggregates that Cypher does in one statement
 * (grades per segment, clusters) are read as rows and grouped here.
 */
public final class GremlinGraphReads implements GraphReads {
    private final GraphTraversalSource g;
    private final GremlinValues values;

    public GremlinGraphReads(GraphTraversalSource g) {
        this.g = g;
        this.values = GremlinValues.of(g);
    }

    /** The risk events of the current vertex as a map (the same rules as CypherGraphReads.RISK_EVENTS). */
    static GraphTraversal<Object, Map<String, Object>> events() {
        return __.project("penalties", "failedSamples", "failedInspections", "courtRecords", "openAlerts",
                        "verifiedComplaints")
                .by(__.in("IMPOSED_ON").hasLabel("Penalty").count())
                .by(__.in("SAMPLED_AT", "PRODUCED_BY").hasLabel("Sample").has("result", "FAIL").count())
                .by(__.in("INSPECTED").hasLabel("Inspection").has("result", "ISSUES_FOUND").count())
                .by(__.in("CONCERNS").hasLabel("CourtRecord").not(__.has("status", "CLEARED"))
                        .or(__.has("kind", P.within("DISHONEST_EXECUTEE", "ENFORCEMENT")),
                                __.has("role", P.within("DEFENDANT", "EXECUTEE"))).count())
                .by(__.in("RAISED_AT").hasLabel("Alert").has("status", "OPEN").count())
                .by(__.in("COMPLAINS_ABOUT").hasLabel("Complaint").has("verified", true).count());
    }

    static RiskEvents events(Object o) {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) o;
        return new RiskEvents(n(m.get("penalties")), n(m.get("failedSamples")), n(m.get("failedInspections")),
                n(m.get("courtRecords")), n(m.get("openAlerts")), n(m.get("verifiedComplaints")));
    }

    private static long n(Object o) { return o instanceof Number x ? x.longValue() : 0; }

    private static List<Object> ids(List<String> ids) {
        List<Object> out = new ArrayList<>(ids.size());
        for (String id : ids) {
            try {
                out.add(Long.parseLong(id));
            } catch (NumberFormatException e) {
                // not an id of this store: no such node
            }
        }
        return out;
    }

    @Override
    public Map<String, RiskEvents> riskEvents(List<String> ids) {
        Map<String, RiskEvents> out = new HashMap<>();
        for (List<Object> part : GremlinGraphStore.chunks(ids(ids), GremlinGraphStore.IDS_CHUNK)) {
            read(() -> g.V(part.toArray()).project("i", "e").by(T.id).by(events()).toList()).forEach(r ->
                    out.put(String.valueOf(r.get("i")), events(r.get("e"))));
        }
        return out;
    }

    @Override
    public Map<String, Long> degrees(List<String> ids) {
        Map<String, Long> out = new HashMap<>();
        for (List<Object> part : GremlinGraphStore.chunks(ids(ids), GremlinGraphStore.IDS_CHUNK)) {
            read(() -> g.V(part.toArray()).project("i", "d").by(T.id).by(__.bothE().count()).toList()).forEach(r ->
                    out.put(String.valueOf(r.get("i")), n(r.get("d"))));
        }
        return out;
    }

    @Override
    public List<SegmentEnterprise> segmentEnterprises(String code) {
        List<SegmentEnterprise> out = new ArrayList<>();
        read(() -> g.V().has("Segment", "code", code).in("IN_SEGMENT").hasLabel("Enterprise")
                .project("n", "e").by(__.elementMap("uscc", "name", "status", "score", "grade")).by(events()).toList())
                .forEach(r -> {
                    Map<?, ?> n = (Map<?, ?>) r.get("n");
                    out.add(new SegmentEnterprise((String) n.get("uscc"), (String) n.get("name"), (String) n.get("status"),
                            n.get("score"), n.get("grade"), events(r.get("e"))));
                });
        return out;
    }

    /**
     * The vertex ids of these keys of a label, through the uid index (equality lookups): a
     * {@code has(key, within(...))} would scan every vertex on TinkerGraph, testing each against the whole list.
     */
    private List<Object> idsOfKeys(String label, List<String> keys) {
        List<String> uids = new ArrayList<>(keys.size());
        for (String k : new LinkedHashSet<>(keys)) uids.add(label + ":" + k);
        return new ArrayList<>(read(() -> GremlinGraphStore.idsOf(g, uids)).values());
    }

    @Override
    public List<Link> links(List<String> usccs) {
        LinkedHashSet<Link> out = new LinkedHashSet<>();
        if (usccs.isEmpty()) return new ArrayList<>();
        java.util.Set<String> wanted = new java.util.HashSet<>(usccs);
        List<Object> ids = idsOfKeys("Enterprise", usccs);
        String[] skip = {"LOCATED_AT", "HAS_PHONE"};
        // from the enterprises by id; the far end is kept when it is one of them (tested here, against a set)
        for (List<Object> part : GremlinGraphStore.chunks(ids, GremlinGraphStore.IDS_CHUNK)) {
            read(() -> g.V(part.toArray()).as("a")
                    .inE().not(__.hasLabel(skip[0], skip[1])).outV().hasLabel("Person").as("p")
                    .outE().not(__.hasLabel(skip[0], skip[1])).inV().hasLabel("Enterprise").as("b")
                    .select("a", "b", "p").by("uscc").by("uscc").by("person_id").toList()).forEach(r -> {
                String a = (String) r.get("a"), b = (String) r.get("b");
                if (a.compareTo(b) < 0 && wanted.contains(b)) out.add(new Link(a, b, "person " + r.get("p")));
            });
        }
        for (List<Object> part : GremlinGraphStore.chunks(ids, GremlinGraphStore.IDS_CHUNK)) {
            read(() -> g.V(part.toArray()).as("a").both("INVESTS_IN", "BRANCH_OF").hasLabel("Enterprise").as("b")
                    .select("a", "b").by("uscc").by("uscc").toList()).forEach(r -> {
                String a = (String) r.get("a"), b = (String) r.get("b");
                if (a.compareTo(b) < 0 && wanted.contains(b)) out.add(new Link(a, b, "ownership"));
            });
        }
        List<Link> sorted = new ArrayList<>(out);
        sorted.sort(Comparator.comparing(Link::a).thenComparing(Link::b).thenComparing(Link::via));
        return sorted;
    }

    @Override
    public void searchables(List<String> usccs, List<String> personIds, Consumer<Searchable> sink) {
        searchables("Enterprise", "uscc", "enterprise", usccs, sink);
        searchables("Person", "person_id", "person", personIds, sink);
    }

    private void searchables(String label, String key, String type, List<String> keys, Consumer<Searchable> sink) {
        if (keys != null && keys.isEmpty()) return;
        if (keys == null) {
            searchables(key, type, g.V().hasLabel(label).elementMap(key, "name", "address", "phone"), sink);
            return;
        }
        for (List<Object> part : GremlinGraphStore.chunks(idsOfKeys(label, keys), GremlinGraphStore.IDS_CHUNK)) {
            searchables(key, type, g.V(part.toArray()).hasLabel(label).elementMap(key, "name", "address", "phone"), sink);
        }
    }

    private void searchables(String key, String type, GraphTraversal<?, Map<Object, Object>> q, Consumer<Searchable> sink) {
        read(() -> {
            while (q.hasNext()) {
                Map<Object, Object> m = q.next();
                if (m.get(key) == null) continue;
                sink.accept(new Searchable(type, String.valueOf(m.get(key)), (String) m.get("name"),
                        (String) m.get("address"), (String) m.get("phone")));
            }
            return null;
        });
    }

    @Override
    public List<Holding> holdersOf(String id) {
        List<Holding> out = new ArrayList<>();
        List<Object> v = ids(List.of(id));
        if (v.isEmpty()) return out;
        read(() -> g.V(v.get(0)).inE("SHAREHOLDER_OF", "INVESTS_IN").project("h", "e").by(__.outV().elementMap())
                .by(__.elementMap()).toList()).forEach(r -> {
            @SuppressWarnings("unchecked")
            Map<Object, Object> h = (Map<Object, Object>) r.get("h");
            Object share = ((Map<?, ?>) r.get("e")).get("share");
            out.add(new Holding(GremlinGraphStore.toNode(h, values), share instanceof Number s ? s.doubleValue() : null));
        });
        return out;
    }

    @Override
    public void relationSnapshot(List<String> types, SnapshotSink sink) {
        types.forEach(t -> NodeKey.requireIdentifier("relationship type", t));
        var nodes = g.V().hasLabel("Enterprise", "Person", "Address", "Phone")
                .project("i", "l", "k", "e", "d").by(T.id).by(T.label)
                .by(__.elementMap("uscc", "person_id", "address", "number", "name", "name_zh", "grade", "score",
                        "risk_inherited", "segments"))
                .by(events()).by(__.bothE().count());
        read(() -> {
            while (nodes.hasNext()) {
                Map<String, Object> r = nodes.next();
                Map<?, ?> k = (Map<?, ?>) r.get("k");
                Map<String, Object> keys = new HashMap<>();
                for (String p : List.of("uscc", "person_id", "address", "number", "name", "name_zh")) {
                    if (k.get(p) != null) keys.put(p, k.get(p));
                }
                sink.node(GremlinGraphStore.asLong(r.get("i")), List.of(String.valueOf(r.get("l"))), keys, k.get("grade"),
                        k.get("score"), k.get("risk_inherited"), values.read(k.get("segments")), events(r.get("e")), n(r.get("d")));
            }
            return null;
        });
        if (types.isEmpty()) return;
        var rels = g.E().hasLabel(types.getFirst(), types.subList(1, types.size()).toArray(String[]::new))
                .project("a", "b", "t", "p").by(__.outV().id()).by(__.inV().id()).by(T.label).by(__.valueMap());
        read(() -> {
            while (rels.hasNext()) {
                Map<String, Object> r = rels.next();
                @SuppressWarnings("unchecked")
                Map<String, Object> p = values.readMap((Map<String, Object>) r.get("p"));
                sink.relationship(GremlinGraphStore.asLong(r.get("a")), GremlinGraphStore.asLong(r.get("b")),
                        String.valueOf(r.get("t")), p);
            }
            return null;
        });
    }

    @Override
    public Expansion expand(String label, String keyProperty, Object key, List<String> types, int offset, int limit) {
        NodeKey.requireIdentifier("label", label);
        NodeKey.requireIdentifier("key property", keyProperty);
        List<Map<Object, Object>> found = read(() -> g.V().has(label, keyProperty, values.write(key))
                .elementMap().toList());
        if (found.isEmpty()) return null;
        GraphNode node = GremlinGraphStore.toNode(found.get(0), values);
        Object id = found.get(0).get(T.id);
        String[] t = types.toArray(String[]::new);
        List<Map<String, Object>> rows = types.isEmpty() ? List.of() : read(() -> g.V(id).bothE(t)
                .project("e", "m").by(__.elementMap()).by(__.otherV().elementMap()).toList());
        List<Neighbour> all = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            @SuppressWarnings("unchecked")
            Map<Object, Object> m = (Map<Object, Object>) r.get("m");
            all.add(new Neighbour(edge((Map<?, ?>) r.get("e")), GremlinGraphStore.toNode(m, values)));
        }
        all.sort(Comparator.comparing((Neighbour x) -> x.relationship().type())
                .thenComparing(x -> sortName(x.node()))
                .thenComparing(x -> x.relationship().id()));
        List<Neighbour> page = all.subList(Math.min(offset, all.size()), Math.min(all.size(), offset + limit));
        return new Expansion(node, all.size(), new ArrayList<>(page));
    }

    private static String sortName(GraphNode n) {
        for (String p : List.of("name", "address", "number", "id", "code")) {
            if (n.property(p) != null) return String.valueOf(n.property(p));
        }
        return "";
    }

    private Edge edge(Map<?, ?> e) {
        Map<String, Object> props = new LinkedHashMap<>();
        e.forEach((k, v) -> {
            if (k instanceof String s) props.put(s, values.read(v));
        });
        return new Edge(String.valueOf(e.get(T.id)), String.valueOf(e.get(T.label)),
                String.valueOf(((Map<?, ?>) e.get(Direction.OUT)).get(T.id)),
                String.valueOf(((Map<?, ?>) e.get(Direction.IN)).get(T.id)), props);
    }

    @Override
    public List<Edge> relationshipsAmong(List<String> ids, List<String> types) {
        List<Edge> out = new ArrayList<>();
        List<Object> v = ids(ids);
        if (v.isEmpty() || types.isEmpty()) return out;
        String[] t = types.toArray(String[]::new);
        read(() -> g.V(v.toArray()).outE(t).where(__.inV().hasId(P.within(v))).elementMap().toList())
                .forEach(e -> out.add(edge(e)));
        return out;
    }

    @Override
    public List<GradeCount> gradesBySegment() {
        Map<List<Object>, Long> counts = new TreeMap<>(Comparator.comparing((List<Object> k) -> String.valueOf(k.get(0)))
                .thenComparing(k -> k.get(3) == null ? "~" : String.valueOf(k.get(3))));
        read(() -> g.V().hasLabel("Enterprise").as("e").out("IN_SEGMENT").hasLabel("Segment").as("s")
                .select("e", "s").by(__.elementMap("grade")).by(__.elementMap("code", "name_zh", "name_en")).toList())
                .forEach(r -> {
                    Map<?, ?> s = (Map<?, ?>) r.get("s");
                    Object grade = ((Map<?, ?>) r.get("e")).get("grade");
                    counts.merge(java.util.Arrays.asList(s.get("code"), s.get("name_zh"), s.get("name_en"), grade), 1L, Long::sum);
                });
        List<GradeCount> out = new ArrayList<>();
        counts.forEach((k, c) -> out.add(new GradeCount(String.valueOf(k.get(0)), (String) k.get(1), (String) k.get(2),
                (String) k.get(3), c)));
        return out;
    }

    @Override
    public List<ClueCount> cluesByRuleAndStatus() {
        return clueCounts("rule", false);
    }

    @Override
    public List<ClueCount> cluesByMonthAndStatus() {
        return clueCounts("as_of", true);
    }

    private List<ClueCount> clueCounts(String key, boolean month) {
        TreeMap<String, TreeMap<String, Long>> counts = new TreeMap<>();
        read(() -> g.V().hasLabel("Clue").elementMap(key, "status").toList()).forEach(m -> {
            Object k = m.get(key);
            if (k == null) return;
            String s = String.valueOf(k);
            if (month) s = s.length() >= 7 ? s.substring(0, 7) : s;
            counts.computeIfAbsent(s, x -> new TreeMap<>()).merge(String.valueOf(m.get("status")), 1L, Long::sum);
        });
        List<ClueCount> out = new ArrayList<>();
        counts.forEach((k, byStatus) -> byStatus.forEach((s, c) -> out.add(new ClueCount(k, s, c))));
        return out;
    }

    @Override
    public List<RiskCluster> highRiskClusters(int minFirms, int perSegment, int firmsShown) {
        // segment -> (kind, group) -> firms, read as rows and grouped as the Cypher statement does
        Map<String, Map<List<String>, List<Map<String, Object>>>> bySegment = new TreeMap<>();
        read(() -> g.V().hasLabel("Enterprise").has("grade", P.within("C", "D")).as("e").out("IN_SEGMENT")
                .hasLabel("Segment").as("s").select("e", "s")
                .by(__.elementMap("uscc", "name", "grade", "score", "community", "wcc")).by("code").toList())
                .forEach(r -> {
                    Map<?, ?> e = (Map<?, ?>) r.get("e");
                    Object community = e.get("community");
                    Object group = community != null ? community : e.get("wcc");
                    if (group == null) return;
                    String kind = community == null ? "component" : "community";
                    Map<String, Object> firm = new LinkedHashMap<>();
                    firm.put("uscc", e.get("uscc"));
                    firm.put("name", e.get("name"));
                    firm.put("grade", e.get("grade"));
                    firm.put("score", e.get("score"));
                    bySegment.computeIfAbsent(String.valueOf(r.get("s")), k -> new HashMap<>())
                            .computeIfAbsent(List.of(kind, String.valueOf(group)), k -> new ArrayList<>()).add(firm);
                });
        List<RiskCluster> out = new ArrayList<>();
        bySegment.forEach((segment, groups) -> {
            List<Map.Entry<List<String>, List<Map<String, Object>>>> big = new ArrayList<>();
            for (var e : groups.entrySet()) if (e.getValue().size() >= minFirms) big.add(e);
            big.sort(Comparator.comparing((Map.Entry<List<String>, List<Map<String, Object>>> e) -> -e.getValue().size())
                    .thenComparing(e -> e.getKey().get(1)));
            for (var e : big.subList(0, Math.min(perSegment, big.size()))) {
                List<Map<String, Object>> firms = new ArrayList<>(e.getValue());
                firms.sort(Comparator.comparing((Map<String, Object> f) -> -(f.get("score") instanceof Number s ? s.doubleValue() : Double.NEGATIVE_INFINITY))
                        .thenComparing(f -> String.valueOf(f.get("uscc"))));
                out.add(new RiskCluster(segment, e.getKey().get(1), e.getKey().get(0),
                        firms.subList(0, Math.min(firmsShown, firms.size())), firms.size()));
            }
        });
        return out;
    }

    @Override
    public long storeVersion() {
        long nodes = read(() -> g.V().count().next());
        long rels = read(() -> g.E().count().next());
        return nodes * 1_000_000_007L + rels;
    }

    @Override
    public boolean ping() {
        try {
            return Objects.equals(read(() -> g.inject(1).toList()), List.of(1));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static <X> X read(java.util.function.Supplier<X> read) {
        try {
            return read.get();
        } catch (GraphStoreException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new GraphStoreException("read failed: " + GremlinGraphStore.message(e), e);
        }
    }
}
