package io.riskgraph.risk.warning;

import io.riskgraph.risk.grading.GradingData;
import io.riskgraph.risk.grading.GradingData.Events;
import io.riskgraph.risk.grading.IndicatorContext;
import io.riskgraph.progress.Cancellation;
import io.riskgraph.store.GraphStore;
import io.riskgraph.store.ProjectionSink;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * What the warning rules read: the arrays already loaded for grading ({@link GradingData}, seen as of one day
 * through an {@link IndicatorContext}) plus the few things grading does not need: each firm's stored grade, the
 * keys of events, addresses and phones (for the evidence), and ownership shares. Built once per run; every rule
 * is then passes over arrays.
 */
public final class WarningData {
    static final int BATCH = 10_000;
    /** No grade stored for the enterprise. */
    public static final char NO_GRADE = '-';

    public final IndicatorContext ctx;
    public final GradingData d;
    public final int asOfDay;
    /** Stored grade per enterprise ('A'..'D'), {@link #NO_GRADE} when grading has not run. */
    public final char[] grade;
    final Map<Events, String[]> eventKeys = new IdentityHashMap<>();
    final Map<Long, String> addressText = new HashMap<>();
    final Map<Long, String> phoneText = new HashMap<>();
    /** INVESTS_IN links with their share (NaN when not given): owner index, owned index. */
    final int[] investFrom, investTo;
    final double[] investShare;

    private final Map<String, Object> cache = new HashMap<>();

    /** Reads the extra properties from the store; {@code data} is the grading data already read from it. */
    public static WarningData read(GraphStore store, GradingData data, LocalDate asOf, Cancellation cancellation) {
        return new WarningData(store, data, asOf, cancellation == null ? Cancellation.NEVER : cancellation);
    }

    private WarningData(GraphStore store, GradingData data, LocalDate asOf, Cancellation c) {
        this.d = data;
        this.ctx = new IndicatorContext(data, asOf);
        this.asOfDay = ctx.asOfDay;
        int n = data.enterpriseCount();
        grade = new char[n];
        Arrays.fill(grade, NO_GRADE);
        store.streamNodeProperty("Enterprise", "grade", (ids, v, k) -> {
            for (int i = 0; i < k; i++) {
                int at = data.index(ids[i]);
                if (at >= 0 && v[i] instanceof String s && s.length() == 1) grade[at] = s.charAt(0);
            }
        }, BATCH);
        for (var e : List.of(Map.entry("Inspection", data.inspections), Map.entry("Sample", data.samples),
                Map.entry("Penalty", data.penalties), Map.entry("Complaint", data.complaints),
                Map.entry("CourtRecord", data.courtRecords), Map.entry("Alert", data.alerts))) {
            Events ev = e.getValue();
            String[] keys = new String[ev.size()];
            store.streamNodeProperty(e.getKey(), "id", (ids, v, k) -> {
                for (int i = 0; i < k; i++) {
                    int at = ev.index(ids[i]);
                    if (at >= 0 && v[i] != null) keys[at] = v[i].toString();
                }
            }, BATCH);
            eventKeys.put(ev, keys);
        }
        c.throwIfCancelled();
        store.streamNodeProperty("Address", "address", (ids, v, k) -> {
            for (int i = 0; i < k; i++) if (v[i] != null) addressText.put(ids[i], v[i].toString());
        }, BATCH);
        store.streamNodeProperty("Phone", "number", (ids, v, k) -> {
            for (int i = 0; i < k; i++) if (v[i] != null) phoneText.put(ids[i], v[i].toString());
        }, BATCH);
        List<int[]> links = new ArrayList<>();
        List<Double> shares = new ArrayList<>();
        store.streamRelationships(List.of("INVESTS_IN"), "share", new ProjectionSink() {
            @Override
            public void relationships(long[] s, long[] e, int[] t, double[] w, int k) {
                for (int i = 0; i < k; i++) {
                    int a = data.index(s[i]), b = data.index(e[i]);
                    if (a >= 0 && b >= 0) {
                        links.add(new int[]{a, b});
                        shares.add(w == null ? Double.NaN : w[i]);
                    }
                }
            }
        }, BATCH);
        investFrom = links.stream().mapToInt(x -> x[0]).toArray();
        investTo = links.stream().mapToInt(x -> x[1]).toArray();
        investShare = shares.stream().mapToDouble(Double::doubleValue).toArray();
        c.throwIfCancelled();
    }

    public int n() { return d.enterpriseCount(); }

    /** Enterprises with a stored grade. */
    public int gradedCount() {
        int k = 0;
        for (char g : grade) if (g != NO_GRADE) k++;
        return k;
    }

    public LocalDate asOf() { return ctx.asOf; }

    /** Whether an event day is visible and within {@code days} before the as-of day (0 = any visible day). */
    boolean within(int day, int days) { return ctx.inWindow(day, days); }

    boolean open(int e) {
        String s = d.status[e];
        return s == null || s.equals("ACTIVE") || s.equals("ABNORMAL");
    }

    boolean established(int e) {
        return d.established[e] != GradingData.NO_DAY && d.established[e] <= asOfDay;
    }

    String eventKey(Events ev, int i) {
        String k = eventKeys.get(ev)[i];
        return k == null ? "#" + ev.ids[i] : k;
    }

    String segment(int e) { return d.segments[e].length == 0 ? null : d.segments[e][0]; }

    boolean inSegment(int e, String... codes) {
        for (String s : d.segments[e]) for (String c : codes) if (s.equals(c)) return true;
        return false;
    }

    String address(long id) { return addressText.getOrDefault(id, "#" + id); }

    String phone(long id) { return phoneText.getOrDefault(id, "#" + id); }

    /** Per enterprise, the indices of its events passing {@code filter} and visible as of the day, by day. */
    int[][] eventsByEnterprise(Events ev, int[] target, IntPredicate filter) {
        int n = n();
        int[] count = new int[n];
        for (int i = 0; i < ev.size(); i++) if (target[i] >= 0 && within(ev.day[i], 0) && filter.test(i)) count[target[i]]++;
        int[][] out = new int[n][];
        for (int e = 0; e < n; e++) out[e] = new int[count[e]];
        Arrays.fill(count, 0);
        for (int i = 0; i < ev.size(); i++) {
            if (target[i] >= 0 && within(ev.day[i], 0) && filter.test(i)) out[target[i]][count[target[i]]++] = i;
        }
        for (int[] list : out) {
            if (list.length > 1) {
                Integer[] boxed = Arrays.stream(list).boxed().toArray(Integer[]::new);
                Arrays.sort(boxed, (a, b) -> ev.day[a] != ev.day[b] ? Integer.compare(ev.day[a], ev.day[b]) : Integer.compare(a, b));
                for (int j = 0; j < list.length; j++) list[j] = boxed[j];
            }
        }
        return out;
    }

    /** Per person, the role indices (into the grading role arrays) they hold. */
    int[][] rolesByPerson() {
        return cached("rolesByPerson", () -> group(d.rolePerson, d.personIds.length));
    }

    /** Per enterprise, the role indices held at it. */
    int[][] rolesByEnterprise() {
        return cached("rolesByEnterprise", () -> group(d.roleEnt, n()));
    }

    /** Enterprises grouped by a contact node (address or phone store id); groups in first-seen order. */
    Map<Long, int[]> firmsBy(long[] key) {
        return cached("firmsBy" + System.identityHashCode(key), () -> {
            Map<Long, List<Integer>> g = new java.util.LinkedHashMap<>();
            for (int e = 0; e < key.length; e++) if (key[e] >= 0) g.computeIfAbsent(key[e], x -> new ArrayList<>()).add(e);
            Map<Long, int[]> out = new java.util.LinkedHashMap<>();
            g.forEach((k, v) -> out.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
            return out;
        });
    }

    /** Per person, active (not cleared) dishonest-executee records visible as of the day. */
    int[][] dishonestByPerson() {
        return cached("dishonestByPerson", () -> {
            Events c = d.courtRecords;
            IntPredicate dishonest = IndicatorContext.is(c, "kind", "DISHONEST_EXECUTEE");
            IntPredicate cleared = IndicatorContext.is(c, "status", "CLEARED");
            return groupEvents(c, c.person, d.personIds.length, i -> dishonest.test(i) && !cleared.test(i));
        });
    }

    /** Per enterprise, active dishonest-executee records visible as of the day. */
    int[][] dishonestByEnterprise() {
        return cached("dishonestByEnterprise", () -> {
            Events c = d.courtRecords;
            IntPredicate dishonest = IndicatorContext.is(c, "kind", "DISHONEST_EXECUTEE");
            IntPredicate cleared = IndicatorContext.is(c, "status", "CLEARED");
            return eventsByEnterprise(c, c.ent, i -> dishonest.test(i) && !cleared.test(i));
        });
    }

    private int[][] groupEvents(Events ev, int[] target, int size, IntPredicate filter) {
        List<List<Integer>> g = new ArrayList<>(size);
        for (int i = 0; i < size; i++) g.add(null);
        int[][] out = new int[size][];
        for (int i = 0; i < ev.size(); i++) {
            if (target[i] < 0 || !within(ev.day[i], 0) || !filter.test(i)) continue;
            if (g.get(target[i]) == null) g.set(target[i], new ArrayList<>(2));
            g.get(target[i]).add(i);
        }
        for (int i = 0; i < size; i++) out[i] = g.get(i) == null ? new int[0] : g.get(i).stream().mapToInt(Integer::intValue).toArray();
        return out;
    }

    private static int[][] group(int[] owner, int size) {
        int[] count = new int[size];
        for (int o : owner) count[o]++;
        int[][] out = new int[size][];
        for (int i = 0; i < size; i++) out[i] = new int[count[i]];
        Arrays.fill(count, 0);
        for (int r = 0; r < owner.length; r++) out[owner[r]][count[owner[r]]++] = r;
        return out;
    }

    @SuppressWarnings("unchecked")
    private <T> T cached(String key, java.util.function.Supplier<T> f) {
        Object v = cache.get(key);
        if (v == null) {
            v = f.get();
            cache.put(key, v);
        }
        return (T) v;
    }
}
