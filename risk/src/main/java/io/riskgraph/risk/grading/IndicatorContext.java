package io.riskgraph.risk.grading;

import io.riskgraph.risk.grading.GradingData.Events;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.function.Supplier;

/**
 * The data as of one day, with the derived arrays several indicators share (computed once, on first use). Events
 * after the "as of" day are invisible, so grading as of a past day back-tests honestly.
 */
public final class IndicatorContext {
    public static final int M6 = 183, M12 = 365, M24 = 730, M36 = 1096;

    public final GradingData data;
    public final LocalDate asOf;
    public final int asOfDay;
    public final int n;
    /** Derived arrays by key, each with what it reads that a re-grade can change ({@link #after}). */
    private final Map<String, Cached> cache = new HashMap<>();
    private double[] firstPassScore;

    private record Cached(Object value, Set<GradingInput> inputs, boolean usesScores, Patch<?> patch) {
        Cached(Object value, Set<GradingInput> inputs, boolean usesScores) { this(value, inputs, usesScores, null); }
    }

    /**
     * How a cached value follows new events in place rather than being computed again over the city. A re-grade
     * only adds events, dated on or before the fixed as-of day, so counts over windows ending that day only grow and
     * an update touches only what the new events name. {@code previous} is the value the previous context held
     * (handed over: that context no longer holds it); {@code added} the positions of the new events in this
     * context's data, per family in the order of {@link GradingData#EVENT_LABELS}, ascending.
     */
    @FunctionalInterface
    public interface Patch<T> {
        T apply(T previous, IndicatorContext next, int[][] added);
    }

    public IndicatorContext(GradingData data, LocalDate asOf) {
        if (data == null || asOf == null) throw new IllegalArgumentException("data and as-of date are required");
        this.data = data;
        this.asOf = asOf;
        this.asOfDay = (int) asOf.toEpochDay();
        this.n = data.enterpriseCount();
    }

    /** @param inputs what {@code f} reads that a re-grade can change, the cached arrays it calls included */
    public <T> T cached(String key, Set<GradingInput> inputs, Supplier<T> f) {
        return cached(key, inputs, false, f);
    }

    /**
     * As {@link #cached(String, Set, Supplier)}, and a re-grade that only added events ({@link #after}) updates the
     * value with {@code patch} instead of dropping it. {@code inputs} must be event families only.
     */
    public <T> T cached(String key, Set<GradingInput> inputs, Supplier<T> f, Patch<T> patch) {
        if (patch == null || !GradingInput.EVENTS.containsAll(inputs)) {
            throw new IllegalArgumentException("a patched value reads event families only: " + inputs);
        }
        return cached(key, inputs, false, f, patch);
    }

    private <T> T cached(String key, Set<GradingInput> inputs, boolean usesScores, Supplier<T> f) {
        return cached(key, inputs, usesScores, f, null);
    }

    @SuppressWarnings("unchecked")
    private <T> T cached(String key, Set<GradingInput> inputs, boolean usesScores, Supplier<T> f, Patch<T> patch) {
        Cached v = cache.get(key);
        if (v == null) {
            v = new Cached(f.get(), inputs, usesScores, patch);
            cache.put(key, v);
        }
        return (T) v.value();
    }

    /**
     * An indicator's values, computed once per context and shared by every model graded on it (those that read
     * scores once per first pass).
     */
    public Indicator.Values values(Indicator indicator) {
        return cached(key(indicator), indicator.inputs(), indicator.usesScores(), () -> indicator.compute().apply(this));
    }

    /** Sets an indicator's values computed elsewhere (a re-grade that patched the held ones firm by firm). */
    void values(Indicator indicator, Indicator.Values values) {
        cache.put(key(indicator), new Cached(values, indicator.inputs(), indicator.usesScores()));
    }

    /**
     * The roles of each enterprise (by firm: {@code [0]} offsets, n + 1 of them, {@code [1]} role positions) or of
     * each person, and the links of each enterprise (either end); only a full read changes them.
     */
    public int[][] rolesByFirm() { return cached("rolesByFirm", Set.of(), () -> index(data.roleEnt, null, n)); }

    public int[][] rolesByPerson() { return cached("rolesByPerson", Set.of(), () -> index(data.rolePerson, null, data.personIds.length)); }

    public int[][] linksByFirm() { return cached("linksByFirm", Set.of(), () -> index(data.linkFrom, data.linkTo, n)); }

    /** Positions grouped by owner ({@code a}, and {@code b} when not null), ascending within each owner. */
    private static int[][] index(int[] a, int[] b, int owners) {
        int[] offset = new int[owners + 1];
        for (int x : a) offset[x + 1]++;
        if (b != null) for (int x : b) offset[x + 1]++;
        for (int i = 0; i < owners; i++) offset[i + 1] += offset[i];
        int[] at = offset.clone(), items = new int[offset[owners]];
        for (int k = 0; k < a.length; k++) {
            items[at[a[k]]++] = k;
            if (b != null) items[at[b[k]]++] = k;
        }
        return new int[][]{offset, items};
    }

    /** Whether this context holds the indicator's values already (a re-grade recomputes the others). */
    boolean holds(Indicator indicator) { return cache.containsKey(key(indicator)); }

    private static String key(Indicator indicator) {
        return (indicator.usesScores() ? SCORED_KEY : "ind:") + indicator.code();
    }

    /**
     * The same day's context over {@code patched} (this context's data with new events and refreshed firm state),
     * keeping every cached array that reads none of {@code changed}, and the first-pass scores with the arrays that
     * read them (the caller replaces the scores, which drops those arrays, when a firm's first-pass score changed).
     * The general score, which G01 copies, is not kept: the caller sets it again.
     */
    IndicatorContext after(GradingData patched, Set<GradingInput> changed) {
        return after(patched, changed, null);
    }

    /**
     * As {@link #after(GradingData, Set)}, where {@code added} names the new events (per family their positions in
     * {@code patched}, ascending; null = unknown): the values cached with a {@link Patch} are updated by it and
     * handed over to the new context (this one no longer holds them) instead of being dropped.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    IndicatorContext after(GradingData patched, Set<GradingInput> changed, int[][] added) {
        if (patched.enterpriseCount() != n) throw new IllegalArgumentException("a re-grade keeps the enterprises");
        IndicatorContext next = new IndicatorContext(patched, asOf);
        for (java.util.Iterator<Map.Entry<String, Cached>> it = cache.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Cached> e = it.next();
            Cached v = e.getValue();
            if (e.getKey().equals(GENERAL_SCORE_KEY)) continue;
            if (java.util.Collections.disjoint(v.inputs(), changed)) {
                next.cache.put(e.getKey(), v);
            } else if (v.patch() != null && added != null) {
                Object now = ((Patch) v.patch()).apply(v.value(), next, added);
                next.cache.put(e.getKey(), new Cached(now, v.inputs(), v.usesScores(), v.patch()));
                it.remove();
            }
        }
        next.firstPassScore = firstPassScore;
        return next;
    }

    /**
     * The firms the new events of {@code family} (positions in this context's data) count at within the window and
     * filter, one call per event (a firm as often as it has new events): what a {@link Patch} adds to a count.
     */
    public void eachNew(Events ev, int[] added, int windowDays, IntPredicate filter, java.util.function.IntConsumer firm) {
        for (int i : added) {
            int e = ev.ent[i];
            if (e >= 0 && inWindow(ev.day[i], windowDays) && filter.test(i)) firm.accept(e);
        }
    }

    /** Scores of a first grading pass, for the indicators that read related firms' scores. */
    public double[] firstPassScore() {
        if (firstPassScore == null) throw new IllegalStateException("no first-pass score; the grader sets it");
        return firstPassScore;
    }

    public boolean hasFirstPass() { return firstPassScore != null; }

    private double[] generalScore;

    /** The general model's final score per enterprise, which a professional model may refine (G01). */
    public double[] generalScore() {
        if (generalScore == null) throw new IllegalStateException("no general score; a professional model reads it while grading with a ModelSet");
        return generalScore;
    }

    void generalScore(double[] score) {
        this.generalScore = score;
        cache.remove(GENERAL_SCORE_KEY);
    }

    void firstPassScore(double[] score) {
        this.firstPassScore = score;
        cache.keySet().removeIf(k -> k.startsWith(SCORED_KEY));
    }

    private static final String SCORED_KEY = "scored:", GENERAL_SCORE_KEY = "ind:G01";

    public boolean inWindow(int day, int windowDays) {
        if (day == GradingData.NO_DAY || day > asOfDay) return false;
        return windowDays == 0 || day > asOfDay - windowDays;
    }

    /** Events per enterprise within the window that pass the filter (the event's index). */
    public double[] count(Events ev, int windowDays, IntPredicate filter) {
        return count(ev, ev.ent, windowDays, filter);
    }

    public double[] count(Events ev, int[] target, int windowDays, IntPredicate filter) {
        double[] out = new double[n];
        for (int i = 0; i < ev.size(); i++) {
            int e = target[i];
            if (e >= 0 && inWindow(ev.day[i], windowDays) && filter.test(i)) out[e]++;
        }
        return out;
    }

    /** Sum of a numeric property of qualifying events per enterprise. */
    public double[] sum(Events ev, String prop, int windowDays, IntPredicate filter) {
        double[] out = new double[n];
        for (int i = 0; i < ev.size(); i++) {
            int e = ev.ent[i];
            if (e < 0 || !inWindow(ev.day[i], windowDays) || !filter.test(i)) continue;
            double v = ev.number(prop, i);
            if (!Double.isNaN(v)) out[e] += v;
        }
        return out;
    }

    public static IntPredicate is(Events ev, String prop, String value) {
        int p = ev.propNames.indexOf(prop);
        return i -> value.equalsIgnoreCase(String.valueOf(ev.props[p][i]));
    }

    public static IntPredicate any() { return i -> true; }

    /** Enterprise is trouble when it had a found violation, penalty, failed sample or verified complaint in 36 months. */
    public double[] trouble() {
        return cached("trouble", GradingInput.TROUBLE, () -> EventCount.sum(this, TROUBLE),
                (t, next, added) -> EventCount.addNew(t, next, added, TROUBLE));
    }

    /** What {@link #trouble()} counts. */
    static final List<EventCount> TROUBLE = List.of(EventCount.where(0, M36, "result", "ISSUES_FOUND"),
            EventCount.all(2, M36), EventCount.where(1, M36, "result", "FAIL"), EventCount.where(3, M36, "verified", "true"));

    /** Per person: active dishonest-executee records. */
    public double[] personDishonest() {
        return cached("personDishonest", GradingInput.of(GradingInput.COURT_RECORDS), () -> {
            Events c = data.courtRecords;
            double[] out = new double[data.personIds.length];
            IntPredicate dishonest = is(c, "kind", "DISHONEST_EXECUTEE");
            IntPredicate cleared = is(c, "status", "CLEARED");
            for (int i = 0; i < c.size(); i++) {
                if (c.person[i] >= 0 && inWindow(c.day[i], 0) && dishonest.test(i) && !cleared.test(i)) out[c.person[i]]++;
            }
            return out;
        });
    }

    /** Per person: court records of any kind in 36 months. */
    public double[] personCourt() {
        return cached("personCourt", GradingInput.of(GradingInput.COURT_RECORDS), () -> {
            Events c = data.courtRecords;
            double[] out = new double[data.personIds.length];
            for (int i = 0; i < c.size(); i++) if (c.person[i] >= 0 && inWindow(c.day[i], M36)) out[c.person[i]]++;
            return out;
        });
    }

    /** Firms per person (any role), and legal-representative firms per person. */
    public int[] firmsPerPerson(boolean legalRepOnly) {
        // who is a principal depends on the firm's type (a branch's manager)
        return cached("firms" + legalRepOnly, legalRepOnly ? GradingInput.of(GradingInput.STATE) : Set.of(), () -> {
            int[] out = new int[data.personIds.length];
            for (int r = 0; r < data.rolePerson.length; r++) {
                if (!legalRepOnly || isPrincipal(r)) out[data.rolePerson[r]]++;
            }
            return out;
        });
    }

    /** The legal representative, or for a branch its manager (负责人). */
    public boolean isPrincipal(int role) {
        String t = data.roleType[role];
        return t.equals("LEGAL_REPRESENTATIVE_OF")
                || (t.equals("MANAGER_OF") && "BRANCH".equals(data.type[data.roleEnt[role]]));
    }

    /**
     * Per enterprise a dense index of its group (address, phone, community, component: equal keys), -1 when it has
     * none; the last element is the number of groups. Groups only change with a full read, so a re-grade keeps it.
     */
    int[] groupIndex(long[] key) {
        return cached("groupIndex" + System.identityHashCode(key), Set.of(), () -> {
            Map<Long, Integer> index = new HashMap<>();
            int[] out = new int[n + 1];
            for (int i = 0; i < n; i++) out[i] = key[i] < 0 ? -1 : index.computeIfAbsent(key[i], k -> index.size());
            out[n] = index.size();
            return out;
        });
    }

    /** The members of each group ({@code [0]} offsets by group index, {@code [1]} firms, ascending); kept like the index. */
    public int[][] groupMembers(long[] key) {
        return cached("groupMembers" + System.identityHashCode(key), Set.of(), () -> {
            int[] g = groupIndex(key);
            int groups = g[n];
            int[] offset = new int[groups + 1];
            for (int i = 0; i < n; i++) if (g[i] >= 0) offset[g[i] + 1]++;
            for (int x = 0; x < groups; x++) offset[x + 1] += offset[x];
            int[] at = offset.clone(), firms = new int[offset[groups]];
            for (int i = 0; i < n; i++) if (g[i] >= 0) firms[at[g[i]]++] = i;
            return new int[][]{offset, firms};
        });
    }

    /** Per enterprise, the firm count at its address / phone (0 when it has none). */
    public int[] groupSize(long[] key) {
        return cached("group" + System.identityHashCode(key), Set.of(), () -> {
            int[] g = groupIndex(key);
            int[] size = new int[g[n]];
            for (int i = 0; i < n; i++) if (g[i] >= 0) size[g[i]]++;
            int[] out = new int[n];
            for (int i = 0; i < n; i++) out[i] = g[i] < 0 ? 0 : size[g[i]];
            return out;
        });
    }

    /** Per enterprise, the sum of {@code v} over the other firms at its address / phone. */
    public double[] groupOthersSum(long[] key, double[] v) {
        int[] g = groupIndex(key);
        double[] sum = new double[g[n]];
        for (int i = 0; i < n; i++) if (g[i] >= 0) sum[g[i]] += v[i];
        double[] out = new double[n];
        for (int i = 0; i < n; i++) out[i] = g[i] < 0 ? 0 : sum[g[i]] - v[i];
        return out;
    }

    /**
     * Per role, whether it is the first role (of the principals only, or of any kind) linking its person to its
     * firm, so that a person with several roles in one firm counts once. Roles only change with a full read; who is
     * a principal depends on the firm's type.
     */
    boolean[] firstRoleOfPair(boolean principalOnly) {
        return cached("firstRoleOfPair" + principalOnly, principalOnly ? GradingInput.of(GradingInput.STATE) : Set.of(), () -> {
            boolean[] first = new boolean[data.rolePerson.length];
            Set<Long> seen = new java.util.HashSet<>();
            for (int r = 0; r < first.length; r++) {
                if (principalOnly && !isPrincipal(r)) continue;
                first[r] = seen.add(((long) data.roleEnt[r] << 32) | data.rolePerson[r]);
            }
            return first;
        });
    }

    public double ageYears(int i) {
        int e = data.established[i];
        return e == GradingData.NO_DAY ? Double.NaN : (asOfDay - e) / 365.25;
    }

    static void add(double[] into, double[] x) {
        for (int i = 0; i < into.length; i++) into[i] += x[i];
    }

    static double[] constant(int n, double v) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }
}
