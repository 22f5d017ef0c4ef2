package io.riskgraph.gremlin;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.riskgraph.store.GraphStoreException;
import io.riskgraph.workflow.Clue;
import io.riskgraph.workflow.ClueFilter;
import io.riskgraph.workflow.ClueRepository;
import io.riskgraph.workflow.ClueStatus;
import io.riskgraph.workflow.InspectionOutcome;
import io.riskgraph.workflow.InspectionPlan;
import io.riskgraph.workflow.InspectionPlanRepository;
import io.riskgraph.workflow.InspectionTask;
import io.riskgraph.workflow.Investigation;
import io.riskgraph.workflow.InvestigationRepository;
import io.riskgraph.workflow.NewClue;
import io.riskgraph.workflow.WorkflowStores;
import org.apache.tinkerpop.gremlin.process.traversal.Merge;
import org.apache.tinkerpop.gremlin.process.traversal.Order;
import org.apache.tinkerpop.gremlin.process.traversal.P;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.GraphTraversal;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.GraphTraversalSource;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.__;
import org.apache.tinkerpop.gremlin.structure.T;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The workflow repositories on a Gremlin backend: clues, inspection plans and tasks, saved investigations as
 * vertices (labels Clue, InspectionPlan, InspectionTask, Investigation) keyed by {@value GremlinGraphStore#UID} like
 * every other vertex, with evidence and history as JSON text. Status changes and task closes test the stored status
 * in the same traversal that changes it and are serialised within this process; a Gremlin server gives no
 * transactions across traversals (TinkerGraph has none), so two riskgraph processes writing the same clue at the
 * same instant are not fenced as they are on Neo4j.
 */
public final class GremlinWorkflow implements WorkflowStores {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final GraphTraversalSource g;
    private final Clues clues = new Clues();
    private final Plans plans = new Plans();
    private final Investigations investigations = new Investigations();

    public GremlinWorkflow(GraphTraversalSource g) {
        this.g = g;
    }

    @Override
    public ClueRepository clues() { return clues; }

    @Override
    public InspectionPlanRepository inspectionPlans() { return plans; }

    @Override
    public InvestigationRepository investigations() { return investigations; }

    @Override
    public void close() {
        // nothing of its own: the connection belongs to the backend
    }

    static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (Exception e) {
            throw new GraphStoreException("cannot write workflow JSON: " + e.getMessage(), e);
        }
    }

    static <X> X parse(Object text, TypeReference<X> type) {
        try {
            return JSON.readValue(String.valueOf(text), type);
        } catch (Exception e) {
            throw new GraphStoreException("cannot read workflow JSON: " + e.getMessage(), e);
        }
    }

    static Instant instant(Object o) {
        if (o instanceof OffsetDateTime t) return t.toInstant();
        if (o instanceof Instant i) return i;
        if (o instanceof java.time.ZonedDateTime z) return z.toInstant();
        if (o instanceof java.util.Date d) return d.toInstant();
        return o == null ? null : Instant.parse(String.valueOf(o));
    }

    /** An instant as stored ({@link GremlinValues}: UTC ISO text), or null. */
    static Object at(Instant i) { return i == null ? null : GremlinValues.toGremlin(i); }

    static LocalDate date(Object o) {
        if (o instanceof LocalDate d) return d;
        return o == null ? null : LocalDate.parse(String.valueOf(o));
    }

    private static <X> X run(java.util.function.Supplier<X> s) {
        try {
            return s.get();
        } catch (GraphStoreException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new GraphStoreException("workflow store failed: " + GremlinGraphStore.message(e), e);
        }
    }

    /** Properties without nulls, as a mergeV row creating a vertex of the label keyed by uid. */
    private static Map<String, Object> createRow(String label, String uid, Map<String, Object> props) {
        Map<Object, Object> match = new HashMap<>();
        match.put(T.label, label);
        match.put(GremlinGraphStore.UID, uid);
        Map<String, Object> create = new HashMap<>();
        props.forEach((k, v) -> {
            if (v != null) create.put(k, GremlinValues.toGremlin(v));
        });
        Map<String, Object> row = new HashMap<>();
        row.put("m", match);
        row.put("c", create);
        return row;
    }

    /** Creates the rows' vertices where their uid is not stored yet; leaves stored ones alone. */
    private void createMissing(List<Map<String, Object>> rows) {
        for (List<Map<String, Object>> part : GremlinGraphStore.chunks(rows, GremlinGraphStore.CHUNK)) {
            g.inject((Object) part).unfold().as("r").mergeV(__.select("r").select("m"))
                    .option(Merge.onCreate, __.select("r").select("c")).count().toList();
        }
    }

    private static Map<String, Object> props(Map<Object, Object> elementMap) {
        Map<String, Object> out = new HashMap<>();
        elementMap.forEach((k, v) -> {
            if (k instanceof String s) out.put(s, v);
        });
        return out;
    }

    // ---- clues ----------------------------------------------------------------------------------------------

    private record Change(String from, String to, String by, String at, String note) {
        static Change of(Clue.StatusChange c) {
            return new Change(c.from() == null ? null : c.from().name(), c.to().name(), c.by(), c.at().toString(), c.note());
        }

        Clue.StatusChange change() {
            return new Clue.StatusChange(from == null ? null : ClueStatus.valueOf(from), ClueStatus.valueOf(to), by,
                    Instant.parse(at), note);
        }
    }

    private record Ev(String kind, String ref, String note) {}

    private static final TypeReference<List<Change>> CHANGES = new TypeReference<>() {};
    private static final TypeReference<List<Ev>> EVIDENCE = new TypeReference<>() {};

    final class Clues implements ClueRepository {
        @Override
        public synchronized int storeNew(Collection<NewClue> found, String by, Instant at) {
            return run(() -> {
                LinkedHashMap<String, NewClue> byId = new LinkedHashMap<>();
                for (NewClue c : found) byId.putIfAbsent(c.id(), c);
                if (byId.isEmpty()) return 0;
                List<String> uids = byId.keySet().stream().map(id -> "Clue:" + id).toList();
                java.util.Set<String> existing = new java.util.HashSet<>();
                for (List<String> part : GremlinGraphStore.chunks(uids, GremlinGraphStore.IDS_CHUNK)) {
                    existing.addAll(g.V().has(GremlinGraphStore.UID, P.within(part)).values("id").toList().stream()
                            .map(String::valueOf).toList());
                }
                List<Map<String, Object>> rows = new ArrayList<>();
                for (NewClue c : byId.values()) {
                    if (existing.contains(c.id())) continue;
                    Map<String, Object> p = new HashMap<>();
                    p.put("id", c.id());
                    p.put("rule", c.rule());
                    p.put("dedup_key", c.dedupKey());
                    p.put("uscc", c.uscc());
                    p.put("segment", c.segment());
                    p.put("severity", c.severity());
                    p.put("summary", c.summary());
                    p.put("evidence", json(c.evidence().stream().map(e -> new Ev(e.kind(), e.ref(), e.note())).toList()));
                    p.put("as_of", c.asOf());
                    p.put("status", ClueStatus.NEW.name());
                    p.put("created_at", at(at));
                    p.put("history", json(List.of(Change.of(new Clue.StatusChange(null, ClueStatus.NEW, by, at, "")))));
                    rows.add(createRow("Clue", "Clue:" + c.id(), p));
                }
                createMissing(rows);
                return rows.size();
            });
        }

        @Override
        public Optional<Clue> find(String id) {
            return run(() -> g.V().has(GremlinGraphStore.UID, "Clue:" + id).elementMap().toList()).stream()
                    .findFirst().map(m -> clue(props(m)));
        }

        private GraphTraversal<?, ?> filtered(ClueFilter f) {
            GraphTraversal<?, ?> t = g.V().hasLabel("Clue");
            if (f.status() != null) t = t.has("status", f.status().name());
            if (f.rule() != null) t = t.has("rule", f.rule());
            if (f.uscc() != null) t = t.has("uscc", f.uscc());
            if (f.segment() != null) t = t.has("segment", f.segment());
            return t;
        }

        /** Clue usccs of the filter's district (null when the filter names none). */
        private java.util.Set<Object> districtFirms(ClueFilter f) {
            if (f.district() == null) return null;
            return new java.util.HashSet<>(g.V().hasLabel("Enterprise").has("district", f.district()).values("uscc").toList());
        }

        private List<Clue> matching(ClueFilter f) {
            java.util.Set<Object> firms = districtFirms(f);
            List<Clue> out = new ArrayList<>();
            for (Map<Object, Object> m : filtered(f).elementMap().toList()) {
                Map<String, Object> p = props(m);
                if (firms != null && !firms.contains(p.get("uscc"))) continue;
                out.add(clue(p));
            }
            out.sort(Comparator.comparing((Clue c) -> -c.severity()).thenComparing(Clue::id));
            return out;
        }

        @Override
        public List<Clue> list(ClueFilter filter) {
            return run(() -> {
                List<Clue> all = matching(filter);
                int from = Math.min(filter.offset(), all.size());
                return new ArrayList<>(all.subList(from, (int) Math.min(all.size(), (long) from + filter.limit())));
            });
        }

        @Override
        public long count(ClueFilter filter) {
            return run(() -> filter.district() == null ? filtered(filter).count().next() : (long) matching(filter).size());
        }

        @Override
        public Map<String, Long> countByRule() {
            Map<String, Long> out = new TreeMap<>();
            run(() -> g.V().hasLabel("Clue").groupCount().by("rule").toList()).forEach(m ->
                    m.forEach((k, v) -> out.put(String.valueOf(k), ((Number) v).longValue())));
            return out;
        }

        @Override
        public synchronized Optional<Clue> applyChange(String id, Clue.StatusChange change) {
            return run(() -> {
                Optional<Clue> now = find(id);
                if (now.isEmpty() || change.from() == null || now.get().status() != change.from()) return Optional.empty();
                List<Change> history = new ArrayList<>();
                now.get().history().forEach(c -> history.add(Change.of(c)));
                history.add(Change.of(change));
                List<Object> changed = g.V().has(GremlinGraphStore.UID, "Clue:" + id).has("status", change.from().name())
                        .property("status", change.to().name()).property("history", json(history)).id().toList();
                return changed.isEmpty() ? Optional.<Clue>empty() : find(id);
            });
        }

        private Clue clue(Map<String, Object> p) {
            List<Clue.Evidence> evidence = new ArrayList<>();
            for (Ev e : parse(p.getOrDefault("evidence", "[]"), EVIDENCE)) evidence.add(new Clue.Evidence(e.kind(), e.ref(), e.note()));
            List<Clue.StatusChange> history = new ArrayList<>();
            for (Change c : parse(p.getOrDefault("history", "[]"), CHANGES)) history.add(c.change());
            return new Clue((String) p.get("id"), (String) p.get("rule"), (String) p.get("dedup_key"),
                    (String) p.get("uscc"), (String) p.get("segment"), ((Number) p.get("severity")).intValue(),
                    (String) p.get("summary"), evidence, date(p.get("as_of")),
                    ClueStatus.valueOf((String) p.get("status")), instant(p.get("created_at")), history);
        }
    }

    // ---- inspection plans and tasks -------------------------------------------------------------------------

    final class Plans implements InspectionPlanRepository {
        @Override
        public boolean planExists(String planId) {
            return run(() -> !g.V().has(GremlinGraphStore.UID, "InspectionPlan:" + planId).id().toList().isEmpty());
        }

        @Override
        public synchronized void save(InspectionPlan plan, List<InspectionTask> tasks) {
            if (planExists(plan.planId())) throw new IllegalStateException("plan " + plan.planId() + " exists");
            run(() -> {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (InspectionTask t : tasks) rows.add(createRow("InspectionTask", "InspectionTask:" + t.taskId(), taskProps(t)));
                createMissing(rows);
                // the plan last: a plan that exists has all its tasks
                createMissing(List.of(createRow("InspectionPlan", "InspectionPlan:" + plan.planId(), planProps(plan))));
                return null;
            });
        }

        @Override
        public Optional<InspectionPlan> plan(String planId) {
            return run(() -> g.V().has(GremlinGraphStore.UID, "InspectionPlan:" + planId).elementMap().toList())
                    .stream().findFirst().map(m -> toPlan(props(m)));
        }

        @Override
        public List<InspectionPlan> plans(String period) {
            List<InspectionPlan> out = new ArrayList<>();
            run(() -> g.V().hasLabel("InspectionPlan").has("period", period).elementMap().toList())
                    .forEach(m -> out.add(toPlan(props(m))));
            out.sort(Comparator.comparing(InspectionPlan::createdAt, Comparator.nullsFirst(Comparator.naturalOrder())));
            return out;
        }

        @Override
        public Optional<InspectionTask> task(String taskId) {
            return run(() -> g.V().has(GremlinGraphStore.UID, "InspectionTask:" + taskId).elementMap().toList())
                    .stream().findFirst().map(m -> toTask(props(m)));
        }

        @Override
        public List<InspectionTask> tasks(String planId) {
            List<InspectionTask> out = new ArrayList<>();
            run(() -> g.V().hasLabel("InspectionTask").has("plan_id", planId).order().by("id", Order.asc).elementMap().toList())
                    .forEach(m -> out.add(toTask(props(m))));
            return out;
        }

        @Override
        public synchronized boolean close(InspectionOutcome o, Instant at) {
            return run(() -> {
                GraphTraversal<?, ?> t = g.V().has(GremlinGraphStore.UID, "InspectionTask:" + o.taskId())
                        .property("last_result_attempt", at(at)).has("status", "OPEN")
                        .property("status", "CLOSED").property("result", o.result()).property("result_date", GremlinValues.toGremlin(o.date()))
                        .property("issues", GremlinValues.toGremlin(o.issues())).property("inspection_id", o.inspectionId())
                        .property("closed_at", at(at));
                if (o.rectified() != null) t = t.property("rectified", o.rectified());
                return !t.id().toList().isEmpty();
            });
        }

        @Override
        public List<InspectionOutcome> returnedByInspections() {
            return run(() -> {
                List<InspectionOutcome> out = new ArrayList<>();
                List<Map<Object, Object>> open = g.V().hasLabel("InspectionTask").has("status", "OPEN").has("code")
                        .elementMap("id", "code").toList();
                if (open.isEmpty()) return out;
                Map<Object, String> taskByCode = new HashMap<>();
                for (Map<Object, Object> m : open) taskByCode.put(m.get("code"), (String) m.get("id"));
                Map<String, Map<Object, Object>> first = new TreeMap<>();
                for (List<Object> part : GremlinGraphStore.chunks(new ArrayList<>(taskByCode.keySet()), GremlinGraphStore.IDS_CHUNK)) {
                    for (Map<Object, Object> i : g.V().hasLabel("Inspection").has("code", P.within(part))
                            .elementMap("id", "code", "date", "result", "issues", "rectified").toList()) {
                        String task = taskByCode.get(i.get("code"));
                        first.merge(task, i, (a, b) -> compare(a, b) <= 0 ? a : b);
                    }
                }
                first.forEach((task, i) -> {
                    Object result = i.get("result");
                    LocalDate d = GremlinValues.fromGremlin(i.get("date")) instanceof LocalDate x ? x : null;
                    if (d == null || !InspectionOutcome.RESULTS.contains(String.valueOf(result))) return;
                    out.add(new InspectionOutcome(task, String.valueOf(i.get("id")), d, (String) result,
                            i.get("issues") instanceof Number n ? n.intValue() : 0, (Boolean) i.get("rectified")));
                });
                return out;
            });
        }

        private static int compare(Map<Object, Object> a, Map<Object, Object> b) {
            int c = String.valueOf(a.get("date")).compareTo(String.valueOf(b.get("date")));
            return c != 0 ? c : String.valueOf(a.get("id")).compareTo(String.valueOf(b.get("id")));
        }

        private static Map<String, Object> planProps(InspectionPlan p) {
            Map<String, Object> m = new HashMap<>();
            m.put("id", p.planId());
            m.put("period", p.period());
            m.put("segment", p.segment());
            m.put("seed", p.seed());
            m.put("ratios", p.ratios());
            m.put("snapshot_hash", p.snapshotHash());
            m.put("grades_as_of", p.gradesAsOf());
            m.put("eligible", p.eligible());
            m.put("tasks", p.tasks());
            m.put("unassigned", p.unassigned());
            m.put("created_at", at(p.createdAt()));
            return m;
        }

        private static Map<String, Object> taskProps(InspectionTask t) {
            Map<String, Object> m = new HashMap<>();
            m.put("id", t.taskId());
            m.put("plan_id", t.planId());
            m.put("period", t.period());
            m.put("uscc", t.uscc());
            m.put("grade", t.grade());
            m.put("inspectors", json(t.inspectors()));
            m.put("code", t.code());
            m.put("code_expires", t.codeExpires());
            m.put("status", t.status().name());
            m.put("unassigned_reason", t.unassignedReason());
            m.put("result", t.result());
            m.put("result_date", t.resultDate());
            m.put("issues", t.issues());
            m.put("inspection_id", t.inspectionId());
            m.put("closed_at", at(t.closedAt()));
            return m;
        }

        private static InspectionPlan toPlan(Map<String, Object> m) {
            return new InspectionPlan((String) m.get("id"), (String) m.get("period"), (String) m.get("segment"),
                    ((Number) m.get("seed")).longValue(), (String) m.get("ratios"), (String) m.get("snapshot_hash"),
                    date(m.get("grades_as_of")), ((Number) m.get("eligible")).intValue(), ((Number) m.get("tasks")).intValue(),
                    ((Number) m.get("unassigned")).intValue(), instant(m.get("created_at")));
        }

        private static InspectionTask toTask(Map<String, Object> m) {
            return new InspectionTask((String) m.get("id"), (String) m.get("plan_id"), (String) m.get("period"),
                    (String) m.get("uscc"), (String) m.get("grade"),
                    parse(m.getOrDefault("inspectors", "[]"), new TypeReference<List<String>>() {}),
                    (String) m.get("code"), date(m.get("code_expires")), InspectionTask.Status.valueOf((String) m.get("status")),
                    (String) m.get("unassigned_reason"), (String) m.get("result"), date(m.get("result_date")),
                    m.get("issues") instanceof Number n ? n.intValue() : null, (String) m.get("inspection_id"),
                    instant(m.get("closed_at")));
        }
    }

    // ---- saved investigations -------------------------------------------------------------------------------

    final class Investigations implements InvestigationRepository {
        @Override
        public synchronized Investigation save(Investigation i) {
            return run(() -> {
                String uid = "Investigation:" + i.id();
                g.V().has(GremlinGraphStore.UID, uid).drop().toList();
                Map<String, Object> p = new HashMap<>();
                p.put("id", i.id());
                p.put("owner", i.owner());
                p.put("name", i.name());
                p.put("notes", i.notes());
                p.put("shared", i.shared());
                p.put("content", i.content());
                p.put("created_at", at(i.createdAt()));
                p.put("updated_at", at(i.updatedAt()));
                createMissing(List.of(createRow("Investigation", uid, p)));
                return find(i.id()).orElseThrow();
            });
        }

        @Override
        public Optional<Investigation> find(String id) {
            return run(() -> g.V().has(GremlinGraphStore.UID, "Investigation:" + id).elementMap().toList())
                    .stream().findFirst().map(m -> toInvestigation(props(m), true));
        }

        @Override
        public List<Investigation> visibleTo(String owner) {
            List<Investigation> out = new ArrayList<>();
            run(() -> g.V().hasLabel("Investigation").or(__.has("owner", owner), __.has("shared", true))
                    .elementMap("id", "owner", "name", "notes", "shared", "created_at", "updated_at").toList())
                    .forEach(m -> out.add(toInvestigation(props(m), false)));
            out.sort(Comparator.comparing(Investigation::updatedAt, Comparator.nullsLast(Comparator.reverseOrder())));
            return out;
        }

        @Override
        public synchronized boolean delete(String id, String owner) {
            return run(() -> {
                List<Object> found = g.V().has(GremlinGraphStore.UID, "Investigation:" + id).has("owner", owner).id().toList();
                if (found.isEmpty()) return false;
                g.V(found.toArray()).drop().toList();
                return true;
            });
        }

        private static Investigation toInvestigation(Map<String, Object> m, boolean withContent) {
            return new Investigation((String) m.get("id"), (String) m.get("owner"), (String) m.get("name"),
                    (String) m.get("notes"), Boolean.TRUE.equals(m.get("shared")),
                    withContent ? (String) m.getOrDefault("content", "") : "", instant(m.get("created_at")),
                    instant(m.get("updated_at")));
        }
    }
}
