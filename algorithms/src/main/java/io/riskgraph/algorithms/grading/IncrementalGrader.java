package io.riskgraph.algorithms.grading;

import io.riskgraph.progress.Cancellation;
import io.riskgraph.store.GraphNode;
import io.riskgraph.store.GraphPath;
import io.riskgraph.store.GraphRelationship;
import io.riskgraph.store.GraphStore;
import io.riskgraph.store.NodeKey;
import io.riskgraph.store.TraversalLimits;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.riskgraph.algorithms.grading.GradingData.Events;

/**
 * Incremental re-grade: holds the graded city in memory (what a long-running server or ingest keeps after one full
 * read) and, after events were stored, re-reads only the named enterprises' state and new events through targeted
 * reads, re-grades in memory with the same code as a full run, and writes back only the enterprises whose score,
 * grade, model or reasons changed: the affected firms and the neighbours their risk reaches. The result is
 * therefore what a full run would give (the test compares them). Not covered (they need a full run): new
 * enterprises, persons or links, and changed properties of events already read.
 */
public final class IncrementalGrader {
    public static final NodeKey ENTERPRISE = new NodeKey("Enterprise", "uscc");
    /** Relationship types from an event to the enterprise(s) it concerns, per family (order of GradingData.EVENT_LABELS). */
    static final List<List<String>> EVENT_TYPES = List.of(List.of("INSPECTED"), List.of("SAMPLED_AT", "PRODUCED_BY"),
            List.of("IMPOSED_ON"), List.of("COMPLAINS_ABOUT"), List.of("CONCERNS"), List.of("RAISED_AT"));
    static final List<String> DATE_PROPERTY = List.of("date", "date", "date", "date", "date", "time");
    static final Set<String> ROLE_TYPES = Set.of("LEGAL_REPRESENTATIVE_OF", "SHAREHOLDER_OF", "DIRECTOR_OF",
            "SUPERVISOR_OF", "MANAGER_OF", "FINANCE_OFFICER_OF", "CONTACT_OF");
    /** Targeted reads are not cut at hubs: a firm's own events are all needed. */
    static final int READ_MAX_DEGREE = 1_000_000, READ_MAX_RESULTS = 1_000_000;

    /** What one re-grade did: the enterprises whose results changed (USCCs) and where the time went. */
    public record Result(Set<String> seeds, List<String> changed, int newEvents, long readMillis, long gradeMillis,
                         long writeMillis, long propertiesWritten) {
        public long totalMillis() { return readMillis + gradeMillis + writeMillis; }
    }

    private final ModelSet models;
    private final GraderParams params;
    private final LocalDate asOf;
    private final Map<String, Integer> indexByUscc = new HashMap<>();
    private GradingData data;
    private IndicatorContext ctx;
    private Grader.Grades grades;

    private IncrementalGrader(GradingData data, ModelSet models, GraderParams params, LocalDate asOf) {
        this.models = models;
        this.params = params;
        this.asOf = asOf;
        this.data = data;
        for (int i = 0; i < data.uscc.length; i++) indexByUscc.put(data.uscc[i], i);
        this.ctx = new IndicatorContext(data, asOf);
        this.grades = Grader.grade(ctx, models, params);
    }

    /**
     * Reads the whole graph once and grades it in memory (nothing is written).
     *
     * @param asOf the grading day; null = the latest event day in the store
     */
    public static IncrementalGrader open(GraphStore store, ModelSet models, GraderParams params, LocalDate asOf,
                                         Cancellation cancellation) {
        if (store == null || models == null || params == null) throw new IllegalArgumentException("store, models and params are required");
        GradingData data = GradingData.read(store, cancellation);
        if (data.enterpriseCount() == 0) throw new IllegalArgumentException("the store holds no enterprise to grade");
        LocalDate day = asOf != null ? asOf : data.latestEventDay();
        return new IncrementalGrader(data, models, params, day == null ? LocalDate.now() : day);
    }

    public Grader.Grades grades() { return grades; }

    public IndicatorContext context() { return ctx; }

    /**
     * Re-grades after events concerning these enterprises (USCCs) were stored, and writes the changed results.
     * An unknown USCC is an {@link IllegalArgumentException} before anything is read or written.
     */
    public synchronized Result regrade(GraphStore store, Set<String> usccs) {
        if (usccs == null || usccs.isEmpty()) throw new IllegalArgumentException("name at least one enterprise (uscc) to re-grade");
        for (String u : usccs) {
            if (!indexByUscc.containsKey(u)) throw new IllegalArgumentException("enterprise " + u + " was not in the graph "
                    + "when it was read; a new enterprise needs a full grade");
        }
        long t0 = System.nanoTime();
        List<Events> families = GradingData.all(data);
        List<List<Object[]>> found = new ArrayList<>();
        for (int f = 0; f < families.size(); f++) found.add(new ArrayList<>());
        Set<String> seen = new java.util.HashSet<>();
        for (String u : new LinkedHashSet<>(usccs)) {
            refreshState(store, u);
            Set<String> types = new java.util.HashSet<>();
            EVENT_TYPES.forEach(types::addAll);
            collect(store.neighbourhood(ENTERPRISE, u, new TraversalLimits(1, types, READ_MAX_DEGREE, READ_MAX_RESULTS)),
                    families, found, seen);
            // court records of the firm's persons
            Set<String> viaPersons = new java.util.HashSet<>(ROLE_TYPES);
            viaPersons.add("CONCERNS");
            collect(store.neighbourhood(ENTERPRISE, u, new TraversalLimits(2, viaPersons, READ_MAX_DEGREE, READ_MAX_RESULTS)),
                    families, found, seen);
        }
        List<GradingData.NewEvents> added = new ArrayList<>();
        int newEvents = 0;
        for (int f = 0; f < families.size(); f++) {
            added.add(newEvents(store, f, families.get(f), found.get(f)));
            newEvents += found.get(f).size();
        }
        long t1 = System.nanoTime();
        data = data.withEvents(added);
        IndicatorContext next = new IndicatorContext(data, asOf);
        Grader.Grades now = Grader.grade(next, models, params);
        List<Integer> changed = new ArrayList<>();
        for (int i = 0; i < next.n; i++) {
            if (now.score()[i] != grades.score()[i] || now.grade()[i] != grades.grade()[i]
                    || !now.modelName()[i].equals(grades.modelName()[i]) || !now.reasons().get(i).equals(grades.reasons().get(i))) {
                changed.add(i);
            }
        }
        long t2 = System.nanoTime();
        int[] which = changed.stream().mapToInt(Integer::intValue).toArray();
        long written = which.length == 0 ? 0 : GradeWriter.write(store, next, now, which);
        long t3 = System.nanoTime();
        ctx = next;
        grades = now;
        return new Result(Set.copyOf(usccs), changed.stream().map(i -> data.uscc[i]).toList(), newEvents,
                (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000, written);
    }

    /** The firm's own state, which trigger factors read (an abnormal listing) and the basic indicators. */
    private void refreshState(GraphStore store, String uscc) {
        Optional<GraphNode> node = store.node(ENTERPRISE, uscc);
        if (node.isEmpty()) throw new IllegalArgumentException("enterprise " + uscc + " is no longer in the store");
        Map<String, Object> p = node.get().properties();
        int i = indexByUscc.get(uscc);
        if (p.get("status") != null) data.status[i] = String.valueOf(p.get("status")).trim().toUpperCase(Locale.ROOT);
        if (p.get("type") != null) data.type[i] = String.valueOf(p.get("type")).trim().toUpperCase(Locale.ROOT);
        if (p.get("registered_capital") instanceof Number x) data.registeredCapital[i] = x.doubleValue();
        if (p.get("paid_in_capital") instanceof Number x) data.paidInCapital[i] = x.doubleValue();
        if (p.get("employees") instanceof Number x) data.employees[i] = x.doubleValue();
    }

    /** Event nodes on the paths that the in-memory data does not hold yet: per family, the node and its store id. */
    private static void collect(List<GraphPath> paths, List<Events> families, List<List<Object[]>> found, Set<String> seen) {
        for (GraphPath path : paths) {
            GraphNode x = path.nodes().get(path.nodes().size() - 1);
            for (int f = 0; f < families.size(); f++) {
                if (!x.labels().contains(GradingData.EVENT_LABELS.get(f))) continue;
                long id = storeId(x.id());
                if (families.get(f).index(id) >= 0 || !seen.add(x.id())) continue;
                found.get(f).add(new Object[]{x, id});
            }
        }
    }

    /** Reads whom each new event concerns (its own relationships) and builds the family's additions. */
    private GradingData.NewEvents newEvents(GraphStore store, int family, Events ev, List<Object[]> nodes) {
        int k = nodes.size();
        long[] ids = new long[k];
        int[] day = new int[k], ent = new int[k], ent2 = new int[k], person = new int[k];
        Object[][] props = new Object[ev.propNames.size()][k];
        java.util.Arrays.fill(ent, -1);
        java.util.Arrays.fill(ent2, -1);
        java.util.Arrays.fill(person, -1);
        List<String> types = EVENT_TYPES.get(family);
        for (int j = 0; j < k; j++) {
            GraphNode node = (GraphNode) nodes.get(j)[0];
            ids[j] = (long) nodes.get(j)[1];
            day[j] = GradingData.day(node.property(DATE_PROPERTY.get(family)));
            for (int p = 0; p < ev.propNames.size(); p++) {
                Object v = node.property(ev.propNames.get(p));
                props[p][j] = v == null ? null : GradingData.normalised(v);
            }
            Object key = node.property("id");
            if (key == null) continue;
            NodeKey eventKey = new NodeKey(GradingData.EVENT_LABELS.get(family), "id");
            for (GraphPath path : store.neighbourhood(eventKey, key, new TraversalLimits(1, Set.copyOf(types), READ_MAX_DEGREE, READ_MAX_RESULTS))) {
                GraphRelationship r = path.relationships().get(0);
                GraphNode other = path.nodes().get(1);
                if (!r.startId().equals(node.id())) continue;
                long otherId = storeId(other.id());
                if (other.labels().contains("Enterprise")) {
                    int e = data.index(otherId);
                    if (e < 0) continue;
                    if (r.type().equals("PRODUCED_BY")) ent2[j] = e;
                    else ent[j] = e;
                } else if (other.labels().contains("Person") && family == GradingData.EVENT_LABELS.indexOf("CourtRecord")) {
                    int p = data.personIndex(otherId);
                    if (p >= 0) person[j] = p;
                }
            }
        }
        return new GradingData.NewEvents(ids, day, props, ent, ent2, person);
    }

    /**
     * The numeric store id inside a node's element id (Neo4j writes {@code 4:<database>:<id>}), which is what the
     * bulk reads return.
     */
    static long storeId(String elementId) {
        String tail = elementId.substring(elementId.lastIndexOf(':') + 1);
        try {
            return Long.parseLong(tail);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("the store's node ids are not numeric (" + elementId + "); use a full grade");
        }
    }

}
