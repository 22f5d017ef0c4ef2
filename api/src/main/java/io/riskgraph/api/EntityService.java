package io.riskgraph.api;

import io.riskgraph.store.GraphReads;
import io.riskgraph.algorithms.paths.RelatedParties;
import io.riskgraph.model.id.IdCheck;
import io.riskgraph.model.id.Uscc;
import io.riskgraph.store.GraphNode;
import io.riskgraph.store.GraphPath;
import io.riskgraph.store.GraphRelationship;
import io.riskgraph.store.GraphStore;
import io.riskgraph.store.NodeKey;
import io.riskgraph.store.TraversalLimits;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Enterprise profiles, related parties, holders, paths and segments, read through the store port. */
public final class EntityService {
    public static final NodeKey ENTERPRISE = new NodeKey("Enterprise", "uscc");
    public static final NodeKey PERSON = new NodeKey("Person", "person_id");
    public static final NodeKey SEGMENT = new NodeKey("Segment", "code");

    /** Relationship types between parties (followed by /related and /paths). */
    public static final Set<String> RELATION_TYPES = Set.of("LEGAL_REPRESENTATIVE_OF", "SHAREHOLDER_OF",
            "DIRECTOR_OF", "SUPERVISOR_OF", "MANAGER_OF", "FINANCE_OFFICER_OF", "CONTACT_OF", "INVESTS_IN",
            "BRANCH_OF", "SUPPLIES", "GUARANTEES", "LOCATED_AT", "HAS_PHONE");
    /** Event relationships that make up a timeline. */
    public static final Set<String> EVENT_TYPES = Set.of("INSPECTED", "SAMPLED_AT", "PRODUCED_BY", "IMPOSED_ON",
            "COMPLAINS_ABOUT", "CONCERNS", "RAISED_AT");
    static final Set<String> PATH_TYPES;

    static {
        Set<String> s = new HashSet<>(RELATION_TYPES);
        s.addAll(EVENT_TYPES);
        s.addAll(Set.of("IS_PERSON", "CARRIED_OUT"));
        PATH_TYPES = Set.copyOf(s);
    }

    /** /related follows at most this many paths (then says truncated). */
    public static final int MAX_PATHS = 5_000;
    static final double HOP_DECAY = 0.5;
    static final double EVENTS_FOR_FULL_RISK = 5.0;

    private final GraphStore store;
    private final GraphReads reads;
    private final OwnershipService ownership;
    private final int hubDegreeMax;
    private final RelationSnapshots snapshots;

    public EntityService(GraphStore store, GraphReads reads, OwnershipService ownership, int hubDegree) {
        this(store, reads, ownership, hubDegree, null);
    }

    /** @param snapshots where /related reads from when it can; null = always the store */
    public EntityService(GraphStore store, GraphReads reads, OwnershipService ownership, int hubDegree,
                         RelationSnapshots snapshots) {
        this.store = store;
        this.reads = reads;
        this.ownership = ownership;
        this.hubDegreeMax = hubDegree;
        this.snapshots = snapshots;
    }

    /** The enterprise with this USCC; 400 when it is malformed, 404 when unknown. */
    public int hubDegreeMax() { return hubDegreeMax; }

    public GraphNode enterprise(String raw) {
        IdCheck check = usableUscc(raw);
        return store.node(ENTERPRISE, check.normalised()).orElseThrow(() -> ApiException.notFound("UNKNOWN_ENTERPRISE",
                "no enterprise with USCC " + check.normalised() + " in the graph; check the code or search by name: GET /search?q=..."));
    }

    private static IdCheck usableUscc(String raw) {
        IdCheck check = Uscc.check(raw);
        if (!check.usable()) throw ApiException.badRequest("INVALID_USCC", check.message());
        return check;
    }

    public Map<String, Object> profile(GraphNode e, boolean full, Collection<String> seen) {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> p = e.properties();
        seen.add(String.valueOf(p.get("uscc")));
        for (String k : List.of("uscc", "name", "type", "status", "established", "registered_capital",
                "paid_in_capital", "district", "address", "phone", "employees")) {
            out.put(k, p.get(k));
        }
        out.put("uscc_check_failed", Boolean.TRUE.equals(p.get("uscc_check_failed")));
        out.put("stub", Boolean.TRUE.equals(p.get("stub")));
        // written by the grading issue; null until then
        out.put("grade", p.get("grade"));
        out.put("score", p.get("score"));
        out.put("reasons", p.get("reasons"));
        out.put("model", p.get("grade_model"));
        Set<String> types = new HashSet<>(EVENT_TYPES);
        types.add("IN_SEGMENT");
        types.addAll(Set.of("LEGAL_REPRESENTATIVE_OF", "SHAREHOLDER_OF", "DIRECTOR_OF", "SUPERVISOR_OF", "MANAGER_OF",
                "FINANCE_OFFICER_OF", "CONTACT_OF"));
        List<GraphPath> around = store.neighbourhood(ENTERPRISE, p.get("uscc"),
                new TraversalLimits(1, types, TraversalLimits.MAX_DEGREE_DEFAULT, 20_000));
        List<Map<String, Object>> segments = new ArrayList<>();
        List<Map<String, Object>> people = new ArrayList<>();
        List<Map<String, Object>> timeline = new ArrayList<>();
        for (GraphPath path : around) {
            GraphNode n = path.nodes().getLast();
            GraphRelationship r = path.relationships().getFirst();
            String label = Views.label(n);
            if (r.type().equals("IN_SEGMENT")) {
                segments.add(Map.of("code", n.property("code"), "name_zh", String.valueOf(n.property("name_zh")),
                        "name_en", String.valueOf(n.property("name_en"))));
            } else if (label.equals("Person")) {
                Map<String, Object> role = new LinkedHashMap<>();
                role.put("role", r.type().replace("_OF", ""));
                role.put("person", Views.ref(n, full));
                role.putAll(new java.util.TreeMap<>(r.properties()));
                people.add(role);
                seen.add(String.valueOf(n.property("person_id")));
            } else {
                Map<String, Object> ev = new LinkedHashMap<>();
                Object date = n.property("date") != null ? n.property("date") : n.property("time");
                ev.put("date", date);
                ev.put("kind", label);
                ev.put("id", n.property("id"));
                ev.put("relation", r.type());
                Map<String, Object> details = new java.util.TreeMap<>(n.properties());
                details.remove("id");
                ev.put("details", details);
                timeline.add(ev);
            }
        }
        segments.sort(Comparator.comparing(m -> String.valueOf(m.get("code"))));
        timeline.sort(Comparator.comparing((Map<String, Object> m) -> String.valueOf(m.get("date")))
                .thenComparing(m -> String.valueOf(m.get("id"))));
        out.put("segments", segments);
        out.put("people", people);
        out.put("timeline", timeline);
        return out;
    }

    /** Query of /related after validation. */
    public record RelatedQuery(int hops, Set<String> types, Double minShare, Set<String> segments, int page, int size,
                               int hubDegree) {}

    /**
     * What /related reads around its subject: one shortest path to every node within the limits (nearest first),
     * the relationship count of every node that a path shorter than the hop limit reaches (to name the hubs), and
     * the risk events of every party, all keyed by {@link GraphNode#id()}.
     */
    public record Neighbourhood(GraphNode subject, List<GraphPath> paths, Map<String, Long> degrees,
                                Map<String, GraphReads.RiskEvents> events) {}

    /**
     * Related parties of the enterprise with this USCC (400 when malformed, 404 when unknown): from the relation
     * snapshot when there is one that holds the enterprise, otherwise from the store.
     */
    public Map<String, Object> related(String uscc, RelatedQuery q, boolean full, Collection<String> seen) {
        TraversalLimits limits = limits(q);
        RelationSnapshot snapshot = snapshots == null ? null : snapshots.current();
        Neighbourhood nb = snapshot == null ? null : snapshot.neighbourhood(usableUscc(uscc).normalised(), limits);
        if (nb == null) nb = storeNeighbourhood(enterprise(uscc), limits);
        return related(nb, q, limits, full, seen);
    }

    /** Related parties of an enterprise, read from the store (several Cypher statements). */
    public Map<String, Object> related(GraphNode subject, RelatedQuery q, boolean full, Collection<String> seen) {
        TraversalLimits limits = limits(q);
        return related(storeNeighbourhood(subject, limits), q, limits, full, seen);
    }

    private static TraversalLimits limits(RelatedQuery q) {
        return new TraversalLimits(q.hops(), q.types().isEmpty() ? RELATION_TYPES : q.types(), q.hubDegree(), MAX_PATHS);
    }

    Neighbourhood storeNeighbourhood(GraphNode subject, TraversalLimits limits) {
        List<GraphPath> paths = store.neighbourhood(ENTERPRISE, subject.property("uscc"), limits);
        List<String> expandable = new ArrayList<>(new LinkedHashSet<>(paths.stream()
                .filter(p -> p.length() < limits.maxHops()).map(p -> p.nodes().getLast().id()).toList()));
        List<String> parties = paths.stream().map(p -> p.nodes().getLast())
                .filter(n -> RelatedParties.PARTY_LABELS.contains(Views.label(n))).map(GraphNode::id).toList();
        return new Neighbourhood(subject, paths, reads.degrees(expandable), reads.riskEvents(parties));
    }

    /** A party that passed the filters, before it is rendered (only the requested page is). */
    private record Candidate(GraphPath path, GraphNode node, Share share, GraphReads.RiskEvents events, double risk,
                             String key) {}

    private Map<String, Object> related(Neighbourhood nb, RelatedQuery q, TraversalLimits limits, boolean full,
                                        Collection<String> seen) {
        int hubDegree = q.hubDegree();
        // hubs: nodes that would have been expanded (on a path shorter than hops) but have more relationships than allowed
        Map<String, GraphNode> expandable = new LinkedHashMap<>();
        for (GraphPath p : nb.paths()) if (p.length() < q.hops()) expandable.put(p.nodes().getLast().id(), p.nodes().getLast());
        List<Map<String, Object>> hubs = new ArrayList<>();
        expandable.forEach((id, n) -> {
            long d = nb.degrees().getOrDefault(id, 0L);
            if (d > hubDegree) {
                Map<String, Object> h = new LinkedHashMap<>();
                h.put("node", Views.ref(n, full));
                h.put("degree", d);
                h.put("_key", String.valueOf(Views.key(n)));
                hubs.add(h);
            }
        });
        // largest first; the traversal's order among nodes at the same distance is arbitrary
        hubs.sort(Comparator.comparing((Map<String, Object> h) -> -(Long) h.get("degree")).thenComparing(h -> (String) h.get("_key")));
        hubs.forEach(h -> h.remove("_key"));
        List<Candidate> candidates = new ArrayList<>();
        double keep = 1.0;
        long eventsTotal = 0;
        for (GraphPath p : nb.paths()) {
            GraphNode n = p.nodes().getLast();
            if (!RelatedParties.PARTY_LABELS.contains(Views.label(n))) continue;
            Share share = share(p);
            if (q.minShare() != null && (share == null || share.value() < q.minShare())) continue;
            if (!q.segments().isEmpty()) {
                if (!(n.property("segments") instanceof List<?> segs) || segs.stream().noneMatch(s -> q.segments().contains(String.valueOf(s)))) continue;
            }
            GraphReads.RiskEvents ev = nb.events().getOrDefault(n.id(), GraphReads.RiskEvents.NONE);
            double risk = partyRisk(n, ev);
            keep *= 1 - risk * Math.pow(HOP_DECAY, p.length());
            eventsTotal += ev.total();
            candidates.add(new Candidate(p, n, share, ev, round(risk), String.valueOf(Views.key(n))));
        }
        candidates.sort(Comparator.comparingInt((Candidate c) -> c.path().length())
                .thenComparing(c -> -c.risk()).thenComparing(Candidate::key));
        int from = Math.min(candidates.size(), (q.page() - 1) * q.size());
        List<Map<String, Object>> pageRows = new ArrayList<>();
        for (Candidate c : candidates.subList(from, Math.min(candidates.size(), from + q.size()))) {
            GraphNode n = c.node();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("party", Views.ref(n, full));
            row.put("hops", c.path().length());
            row.put("grade", n.property("grade"));
            row.put("score", n.property("score"));
            row.put("risk", c.risk());
            row.put("riskEvents", c.events());
            row.put("effectiveShare", c.share() == null ? null : round(c.share().value()));
            row.put("holding", c.share() == null ? null : c.share().direction());
            row.put("path", path(c.path(), full));
            pageRows.add(row);
            seen.add(c.key());
        }
        GraphNode subject = nb.subject();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("subject", Views.ref(subject, full));
        seen.add(String.valueOf(subject.property("uscc")));
        out.put("hops", q.hops());
        out.put("types", new TreeSet<>(limits.relationshipTypes()));
        out.put("minShare", q.minShare());
        out.put("segments", new TreeSet<>(q.segments()));
        out.put("total", candidates.size());
        out.put("page", q.page());
        out.put("size", q.size());
        out.put("pages", (candidates.size() + q.size() - 1) / q.size());
        out.put("parties", pageRows);
        Map<String, Object> agg = new LinkedHashMap<>();
        agg.put("value", round(1 - keep));
        agg.put("parties", candidates.size());
        agg.put("riskEvents", eventsTotal);
        agg.put("formula", "1 - prod over related parties (1 - r * 0.5^hops); r = risk_inherited, else score "
                + "(scaled to 0..1), else min(1, risk events / 5); risk events = penalties + failed samples + "
                + "inspections with issues + active court records against it + open alerts + verified complaints");
        out.put("relatedRisk", agg);
        out.put("hubDegree", hubDegree);
        out.put("hubsNotExpanded", hubs);
        out.put("truncated", nb.paths().size() >= limits.maxResults());
        return out;
    }

    static double partyRisk(GraphNode n, GraphReads.RiskEvents ev) {
        Object inherited = n.property("risk_inherited");
        if (inherited instanceof Number x) return clamp(x.doubleValue());
        Object score = n.property("score");
        if (score instanceof Number x) return clamp(x.doubleValue() > 1 ? x.doubleValue() / 100 : x.doubleValue());
        return Math.min(1.0, ev.total() / EVENTS_FOR_FULL_RISK);
    }

    private static double clamp(double d) { return Math.max(0, Math.min(1, d)); }

    static double round(double d) { return Math.round(d * 10_000) / 10_000.0; }

    /** The product of shares when the path is a holding chain, with its direction. */
    record Share(double value, String direction) {}

    static Share share(GraphPath p) {
        Boolean up = null;
        double product = 1;
        for (int i = 0; i < p.length(); i++) {
            GraphRelationship r = p.relationships().get(i);
            if (!GraphOwnership.HOLDING.contains(r.type()) || !(r.properties().get("share") instanceof Number s)) return null;
            boolean thisUp = r.endId().equals(p.nodes().get(i).id());
            if (up != null && up != thisUp) return null;
            up = thisUp;
            product *= s.doubleValue();
        }
        return up == null ? null : new Share(product, up ? "party holds subject" : "subject holds party");
    }

    Map<String, Object> path(GraphPath p, boolean full) {
        List<Map<String, Object>> nodes = new ArrayList<>();
        for (GraphNode n : p.nodes()) nodes.add(Views.ref(n, full));
        Map<String, Map<String, Object>> byId = new HashMap<>();
        for (int i = 0; i < p.nodes().size(); i++) byId.put(p.nodes().get(i).id(), nodes.get(i));
        List<Map<String, Object>> rels = new ArrayList<>();
        for (GraphRelationship r : p.relationships()) rels.add(Views.relationship(r, byId.get(r.startId()), byId.get(r.endId())));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("nodes", nodes);
        out.put("relationships", rels);
        return out;
    }

    public Map<String, Object> holders(GraphNode enterprise, boolean full, Collection<String> seen) {
        OwnershipService.Holders h = ownership.holders(enterprise);
        seen.add(String.valueOf(enterprise.property("uscc")));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("subject", Views.ref(enterprise, full));
        List<Map<String, Object>> holders = new ArrayList<>();
        for (OwnershipService.Holder x : h.holders()) holders.add(holder(x, full, seen));
        out.put("holders", holders);
        out.put("ultimateHolders", holders.stream().filter(m -> Boolean.TRUE.equals(m.get("ultimate"))).toList());
        out.put("controller", h.controller() == null ? null : holder(h.controller(), full, seen));
        out.put("controllerRule", h.controllerRule());
        out.put("rules", "effective share = sum over chains of the product of shares along each chain; a cycle is "
                + "cut where a chain would meet itself; controller = ultimate holder above 50 %, else the single "
                + "largest ultimate holder above 25 %");
        out.put("cyclesCut", h.cyclesCut());
        out.put("truncated", h.truncated());
        return out;
    }

    private Map<String, Object> holder(OwnershipService.Holder x, boolean full, Collection<String> seen) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("holder", Views.ref(x.node(), full));
        seen.add(String.valueOf(Views.key(x.node())));
        m.put("effectiveShare", round(x.effectiveShare()));
        m.put("ultimate", x.ultimate());
        List<Map<String, Object>> chains = new ArrayList<>();
        for (OwnershipService.Chain c : x.chains()) {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("share", round(c.share()));
            cm.put("nodes", c.nodes().stream().map(n -> Views.ref(n, full)).toList());
            chains.add(cm);
        }
        m.put("chains", chains);
        return m;
    }

    /** An enterprise (by USCC) or a person (by person_id). */
    public GraphNode entity(String id, String param) {
        if (id == null || id.isBlank()) throw ApiException.badRequest("MISSING_PARAMETER", "'" + param + "' is required: an enterprise USCC or a person_id");
        IdCheck check = Uscc.check(id);
        if (check.usable()) {
            var e = store.node(ENTERPRISE, check.normalised());
            if (e.isPresent()) return e.get();
        }
        return store.node(PERSON, id.strip()).orElseThrow(() -> ApiException.notFound("UNKNOWN_ENTITY",
                "'" + param + "' = '" + id + "' is neither the USCC of an enterprise nor the person_id of a person in the graph"));
    }

    public Map<String, Object> paths(GraphNode from, GraphNode to, int maxHops, int hubDegree, boolean full, Collection<String> seen) {
        NodeKey fk = from.labels().contains("Enterprise") ? ENTERPRISE : PERSON;
        NodeKey tk = to.labels().contains("Enterprise") ? ENTERPRISE : PERSON;
        List<GraphPath> paths = from.id().equals(to.id()) ? List.of() : store.shortestPaths(fk, from.property(fk.property()), tk,
                to.property(tk.property()), new TraversalLimits(maxHops, PATH_TYPES, hubDegree, 50));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("from", Views.ref(from, full));
        out.put("to", Views.ref(to, full));
        out.put("maxHops", maxHops);
        out.put("length", paths.isEmpty() ? null : paths.getFirst().length());
        out.put("count", paths.size());
        List<Map<String, Object>> ps = new ArrayList<>();
        for (GraphPath p : paths) {
            ps.add(path(p, full));
            for (GraphNode n : p.nodes()) {
                String l = Views.label(n);
                if (l.equals("Enterprise") || l.equals("Person")) seen.add(String.valueOf(Views.key(n)));
            }
        }
        seen.add(String.valueOf(Views.key(from)));
        seen.add(String.valueOf(Views.key(to)));
        out.put("paths", ps);
        out.put("note", "hubs with more than " + hubDegree + " relationships are not passed through; IN_SEGMENT is not followed");
        return out;
    }

    public Map<String, Object> segmentHighRisk(String code, int limit, Collection<String> seen) {
        if (code == null || !code.matches("[A-Z_]{2,40}")) {
            throw ApiException.badRequest("INVALID_SEGMENT", "segment code '" + code + "' must be UPPER_SNAKE_CASE, e.g. CATERING");
        }
        GraphNode seg = store.node(SEGMENT, code).orElseThrow(() -> ApiException.notFound("UNKNOWN_SEGMENT",
                "no segment '" + code + "' in the graph; the 14 codes are listed in the data format (e.g. FOOD_PRODUCTION, CATERING)"));
        List<GraphReads.SegmentEnterprise> all = new ArrayList<>(reads.segmentEnterprises(code));
        all.sort(Comparator.comparing((GraphReads.SegmentEnterprise e) -> e.score() instanceof Number n ? -n.doubleValue() : Double.MAX_VALUE)
                .thenComparing(e -> -e.events().total()).thenComparing(GraphReads.SegmentEnterprise::uscc));
        Map<String, GraphReads.SegmentEnterprise> byUscc = new LinkedHashMap<>();
        all.forEach(e -> byUscc.put(e.uscc(), e));
        // clusters: connected components over shared persons and ownership, containing a high-risk enterprise
        Map<String, String> parent = new HashMap<>();
        List<GraphReads.Link> links = reads.links(new ArrayList<>(byUscc.keySet()));
        for (GraphReads.Link l : links) union(parent, l.a(), l.b());
        Map<String, List<String>> components = new LinkedHashMap<>();
        for (String u : byUscc.keySet()) if (parent.containsKey(u)) components.computeIfAbsent(find(parent, u), k -> new ArrayList<>()).add(u);
        List<Map<String, Object>> clusters = new ArrayList<>();
        for (List<String> members : components.values()) {
            if (members.size() < 2 || members.stream().noneMatch(u -> highRisk(byUscc.get(u)))) continue;
            Set<String> set = new HashSet<>(members);
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("members", members.stream().map(u -> Map.of("uscc", u, "name", String.valueOf(byUscc.get(u).name()))).toList());
            c.put("riskEvents", members.stream().mapToLong(u -> byUscc.get(u).events().total()).sum());
            c.put("links", links.stream().filter(l -> set.contains(l.a())).toList());
            clusters.add(c);
        }
        clusters.sort(Comparator.comparing(c -> -(Long) c.get("riskEvents")));
        List<Map<String, Object>> top = new ArrayList<>();
        for (GraphReads.SegmentEnterprise e : all.subList(0, Math.min(limit, all.size()))) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("uscc", e.uscc());
            m.put("name", e.name());
            m.put("status", e.status());
            m.put("grade", e.grade());
            m.put("score", e.score());
            m.put("riskEvents", e.events());
            m.put("riskEventCount", e.events().total());
            top.add(m);
            seen.add(e.uscc());
        }
        clusters.forEach(c -> ((List<?>) c.get("members")).forEach(m -> seen.add(String.valueOf(((Map<?, ?>) m).get("uscc")))));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("segment", Map.of("code", code, "name_zh", String.valueOf(seg.property("name_zh")),
                "name_en", String.valueOf(seg.property("name_en"))));
        out.put("enterprises", all.size());
        out.put("ordering", "score descending when graded, else risk-event count descending");
        out.put("highRisk", top);
        out.put("clusters", clusters);
        out.put("clusterRule", "enterprises of the segment linked by a person in roles at both or by an INVESTS_IN/BRANCH_OF "
                + "link; a cluster has 2+ members and at least one high-risk member (grade C or D when graded, else a risk event)");
        return out;
    }

    static boolean highRisk(GraphReads.SegmentEnterprise e) {
        if (e.grade() != null) return "C".equals(e.grade()) || "D".equals(e.grade());
        return e.events().total() > 0;
    }

    private static String find(Map<String, String> parent, String x) {
        parent.putIfAbsent(x, x);
        while (!parent.get(x).equals(x)) {
            parent.put(x, parent.get(parent.get(x)));
            x = parent.get(x);
        }
        return x;
    }

    private static void union(Map<String, String> parent, String a, String b) {
        parent.put(find(parent, a), find(parent, b));
    }
}
