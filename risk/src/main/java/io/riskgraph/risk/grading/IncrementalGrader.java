package io.riskgraph.risk.grading;

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

import io.riskgraph.risk.grading.GradingData.Events;

/**
 * Incremental re-grade: holds the graded city in memory (what a long-running server or ingest keeps after one full
 * read) and, after events were stored, re-reads only the named enterprises' state and new events through targeted
 * reads, recomputes only the indicators that read what changed, re-scores only the firms where an indicator value
 * moved (with the same per-firm scoring as a full run), and writes back only the enterprises whose score, grade,
 * model or reasons changed: the affected firms and the neighbours their risk reaches. The result is therefore what
 * a full run would give (the tests compare them; {@link #update} says why). Not covered (they need a full run): new
 * enterprises, persons or links, and changed properties of events already read.
 */
public final class IncrementalGrader {
    public static final NodeKey ENTERPRISE = new NodeKey("Enterprise", "uscc");
    /** Relationship types from an event to the enterprise(s) it concerns, per family (order of GradingData.EVENT_LABELS). */
    static final List<List<String>> EVENT_TYPES = List.of(List.of("INSPECTED"), List.of("SAMPLED_AT", "PRODUCED_BY"),
            List.of("IMPOSED_ON"), List.of("COMPLAINS_ABOUT"), List.of("CONCERNS"), List.of("RAISED_AT"));
    static final List<String> DATE_PROPERTY = List.of("date", "date", "date", "date", "date", "time");
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
    /** The city-wide quantities a firm's grade reads besides its own indicators; see {@link #fullGrade}. */
    private int[][] generalBins;
    private List<int[][]> professionalBins;
    private List<boolean[]> members;
    /** Every indicator the set reads (entries, first pass, trigger rules), G01 aside, in a stable order. */
    /** The indicators kept up to date: the scorecards' and, with an overlay, the overlay's. */
    private List<Indicator> indicators;
    /** The sets of group keys the indicators read ({@link SubCity} builds a part for each). */
    private final Set<Set<GroupKey>> groupings = new java.util.HashSet<>();
    /** Per indicator code the model entries that score it (every model of the set). */
    private final Map<String, List<GradingModel.Entry>> entriesByIndicator = new HashMap<>();
    /** The trigger rules' indicators, whose values a trigger reason shows. */
    private final Set<String> triggerCodes = new java.util.HashSet<>();
    /** How the last re-grade went (for the benchmark and the tests). */
    private Update lastUpdate;
    /** The last re-grade's changed indicator values, by code (what an overlay re-scores besides its reach). */
    private Map<String, Change> lastChanges = Map.of();

    /**
     * What the in-memory part of a re-grade did: the firms it re-scored, the indicators it recomputed, whether a
     * city-wide "usual" moved so that every firm was re-scored, and its time (of which recomputing and diffing the
     * indicators and memberships).
     */
    public record Update(int rescored, int recomputed, boolean fullRescore, long nanos, long recomputeNanos) {}

    /**
     * A model that grades on top of the scorecards this grader keeps current (a learned model): it grades every firm
     * once, then re-scores the firms an event can reach. The grader then holds and writes the overlay's results.
     */
    public interface Overlay {
        Grader.Grades grade(IndicatorContext ctx, GraderParams params);

        /** Re-scores these firms into {@code grades} in place; the enterprise indices whose results changed. */
        int[] rescore(IndicatorContext ctx, Grader.Grades grades, int[] firms, GraderParams params);

        /** The firms whose results an event at the seeds can change, the seeds included. */
        java.util.BitSet reach(IndicatorContext ctx, java.util.BitSet seeds);

        /**
         * Brings the firms up to date where only indicators the overlay reads changed, outside its reach (a group's
         * share in trouble moves for every member): re-scores them by default. An overlay may re-score only the
         * firms whose score such a change can move and update what the others' reasons show. Returns the enterprise
         * indices whose results changed.
         *
         * @param changed per indicator code, the firms whose value changed, with the values before and after
         */
        default int[] rescoreChanged(IndicatorContext ctx, Grader.Grades grades, int[] firms, Map<String, Change> changed,
                                     GraderParams params) {
            return rescore(ctx, grades, firms, params);
        }

        /**
         * The library indicators the overlay reads: the re-grade keeps them up to date around each event as it does
         * the scorecards' (recomputed over the city instead, a learned model's 80-odd took seconds per event at 2.9 M).
         */
        default java.util.Collection<Indicator> indicators() { return List.of(); }
    }

    private Overlay overlay;
    private Grader.Grades overlayGrades;

    /** Grades with the overlay from now on (a full pass over the held context); returns this. */
    public synchronized IncrementalGrader withOverlay(Overlay o) {
        if (o == null) throw new IllegalArgumentException("the overlay is required");
        Map<String, Indicator> all = new java.util.LinkedHashMap<>();
        for (Indicator ind : indicators) all.put(ind.code(), ind);
        for (Indicator ind : o.indicators()) {
            if (ind.usesScores() || all.putIfAbsent(ind.code(), ind) != null) continue;
            groupings.add(ind.groups());
            for (GroupKey k : ind.groups()) ctx.groupMembers(k.of(data));
        }
        indicators = List.copyOf(all.values());
        overlay = o;
        overlayGrades = o.grade(ctx, params);
        return this;
    }

    /** Grades the data in memory (what {@link #open} does after its read; the benchmark passes generated data). */
    public IncrementalGrader(GradingData data, ModelSet models, GraderParams params, LocalDate asOf) {
        this.models = models;
        this.params = params;
        this.asOf = asOf;
        this.data = data;
        for (int i = 0; i < data.uscc.length; i++) indexByUscc.put(data.uscc[i], i);
        this.indicators = indicators(models, params);
        for (Indicator ind : indicators) groupings.add(ind.groups());
        List<GradingModel> all = new ArrayList<>(models.professional());
        all.add(models.general());
        for (GradingModel m : all) {
            for (GradingModel.Entry e : Grader.used(m, params)) {
                entriesByIndicator.computeIfAbsent(e.indicator().code(), k -> new ArrayList<>()).add(e);
            }
            if (m.trigger() != null) m.trigger().indicators().forEach(ind -> triggerCodes.add(ind.code()));
        }
        fullGrade(new IndicatorContext(data, asOf));
        // the indices a re-grade walks (kept by every later context): built now, not by the first event
        ctx.rolesByFirm();
        ctx.rolesByPerson();
        ctx.linksByFirm();
        for (Set<GroupKey> keys : groupings) for (GroupKey k : keys) ctx.groupMembers(k.of(data));
    }

    /**
     * Grades every firm on a fresh context and counts what the re-grade keeps up to date: the bins of every model
     * entry over the city (the reasons' "usual" points) and the professional models' members. Every indicator the
     * set reads is computed here, before any firm state is refreshed in place.
     */
    private void fullGrade(IndicatorContext fresh) {
        grades = Grader.grade(fresh, models, params);
        for (Indicator ind : indicators) fresh.values(ind);
        generalBins = Grader.Scorer.binCounts(fresh, models.general(), params);
        professionalBins = models.professional().stream().map(p -> Grader.Scorer.binCounts(fresh, p, params)).toList();
        members = models.professional().stream().map(p -> ModelSet.members(fresh, p)).toList();
        ctx = fresh;
    }

    private static List<Indicator> indicators(ModelSet models, GraderParams params) {
        Map<String, Indicator> out = new java.util.LinkedHashMap<>();
        List<GradingModel> all = new ArrayList<>(models.professional());
        all.add(0, models.general());
        for (GradingModel m : all) {
            for (GradingModel.Entry e : Grader.used(m, params)) out.put(e.indicator().code(), e.indicator());
            if (m.trigger() != null) for (Indicator ind : m.trigger().indicators()) out.put(ind.code(), ind);
        }
        out.remove(GENERAL_SCORE);
        return List.copyOf(out.values());
    }

    /** The general model's score as an indicator, which the re-grade sets rather than recomputes. */
    private static final String GENERAL_SCORE = "G01";

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

    /** The held results: the overlay's when there is one, else the scorecards'. */
    /**
     * Opens with any model: the scorecards directly; an {@link Overlay} (a learned model) on top of the shipped
     * scorecards, which keep the indicator values current.
     */
    public static IncrementalGrader open(GraphStore store, RiskModel model, GraderParams params, LocalDate asOf,
                                         Cancellation cancellation) {
        if (model instanceof ModelSet set) return open(store, set, params, asOf, cancellation);
        if (model instanceof Overlay o) return open(store, ModelSet.shipped(), params, asOf, cancellation).withOverlay(o);
        throw new IllegalArgumentException("model " + (model == null ? null : model.name()) + " cannot re-grade incrementally");
    }

    public Grader.Grades grades() { return overlay != null ? overlayGrades : grades; }

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
        boolean stateChanged = false;
        Set<Integer> seeds = new LinkedHashSet<>();
        for (String u : new LinkedHashSet<>(usccs)) {
            seeds.add(indexByUscc.get(u));
            stateChanged |= refreshState(store, u);
            Set<String> types = new java.util.HashSet<>();
            EVENT_TYPES.forEach(types::addAll);
            collect(store.neighbourhood(ENTERPRISE, u, new TraversalLimits(1, types, READ_MAX_DEGREE, READ_MAX_RESULTS)),
                    families, found, seen);
            // court records of the firm's persons
            Set<String> viaPersons = new java.util.HashSet<>(GradingData.ROLE_TYPES);
            viaPersons.add("CONCERNS");
            collect(store.neighbourhood(ENTERPRISE, u, new TraversalLimits(2, viaPersons, READ_MAX_DEGREE, READ_MAX_RESULTS)),
                    families, found, seen);
        }
        List<GradingData.NewEvents> added = new ArrayList<>();
        int newEvents = 0;
        int asOfDay = ctx.asOfDay;
        for (int f = 0; f < families.size(); f++) {
            GradingData.NewEvents a = newEvents(store, f, families.get(f), found.get(f));
            for (int d : a.day()) {
                if (d != GradingData.NO_DAY && d > asOfDay) throw new LaterDayException(LocalDate.ofEpochDay(d), asOf);
            }
            added.add(a);
            newEvents += found.get(f).size();
        }
        long t1 = System.nanoTime();
        int[] which = apply(added, stateChanged, seeds);
        long t2 = System.nanoTime();
        long written = which.length == 0 ? 0 : GradeWriter.write(store, ctx, grades(), which);
        long t3 = System.nanoTime();
        List<String> changed = new ArrayList<>();
        for (int i : which) changed.add(data.uscc[i]);
        return new Result(Set.copyOf(usccs), changed, newEvents,
                (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000, written);
    }

    /**
     * The in-memory part of a re-grade: adds the new events (per family, order of {@code GradingData.EVENT_LABELS})
     * to the held data, whose state the caller refreshed in place for {@code seeds}, and re-grades; the enterprise
     * indices whose results changed.
     */
    public int[] apply(List<GradingData.NewEvents> added, boolean stateChanged, Set<Integer> seeds) {
        Set<GradingInput> changed = java.util.EnumSet.noneOf(GradingInput.class);
        if (stateChanged) changed.add(GradingInput.STATE);
        for (int f = 0; f < added.size(); f++) {
            if (added.get(f) != null && added.get(f).ids().length > 0) changed.add(GradingInput.family(f));
        }
        java.util.BitSet firms = new java.util.BitSet(data.enterpriseCount());
        seeds.forEach(firms::set);
        int[][] byPerson = ctx.rolesByPerson();
        for (GradingData.NewEvents a : added) {
            if (a == null) continue;
            for (int j = 0; j < a.ids().length; j++) {
                if (a.ent()[j] >= 0) firms.set(a.ent()[j]);
                if (a.ent2()[j] >= 0) firms.set(a.ent2()[j]);
                int p = a.person()[j];
                if (p >= 0) for (int y = byPerson[0][p]; y < byPerson[0][p + 1]; y++) firms.set(data.roleEnt[byPerson[1][y]]);
            }
        }
        data = data.withEvents(added);
        int[] which = update(data, changed, seeds, firms, positions(data, added));
        if (overlay == null) return which;
        java.util.BitSet reach = overlay.reach(ctx, firms);
        int[] rescored = overlay.rescore(ctx, overlayGrades, reach.stream().toArray(), params);
        // and the firms where an indicator the overlay reads changed: group indicators (a community, a component)
        // reach past the related parties
        java.util.BitSet beyond = new java.util.BitSet(data.enterpriseCount());
        Map<String, Change> read = new HashMap<>();
        for (Indicator ind : overlay.indicators()) {
            Change c = lastChanges.get(ind.code());
            if (c == null || c.at().length == 0) continue;
            read.put(ind.code(), c);
            for (int i : c.at()) if (!reach.get(i)) beyond.set(i);
        }
        if (beyond.isEmpty()) return rescored;
        int[] revalued = overlay.rescoreChanged(ctx, overlayGrades, beyond.stream().toArray(), read, params);
        return java.util.stream.IntStream.concat(java.util.Arrays.stream(rescored), java.util.Arrays.stream(revalued))
                .sorted().distinct().toArray();
    }

    /** Per family the positions of the new events in {@code patched} (ascending), for {@link IndicatorContext.Patch}. */
    private static int[][] positions(GradingData patched, List<GradingData.NewEvents> added) {
        List<Events> families = GradingData.all(patched);
        int[][] out = new int[families.size()][];
        for (int f = 0; f < out.length; f++) {
            GradingData.NewEvents a = f < added.size() ? added.get(f) : null;
            if (a == null) { out[f] = new int[0]; continue; }
            Events ev = families.get(f);
            out[f] = java.util.Arrays.stream(a.ids()).mapToInt(ev::index).sorted().toArray();
            if (out[f].length > 0 && out[f][0] < 0) throw new IllegalStateException("a new event is not in the patched data");
        }
        return out;
    }

    /**
     * An event dated after the grading day: every window moves, which only a new {@link #open} (a full read) can
     * follow. The grader may already hold the firms' refreshed state and must not be used again.
     */
    public static final class LaterDayException extends IllegalStateException {
        LaterDayException(LocalDate event, LocalDate asOf) {
            super("an event is dated " + event + ", after the grading day " + asOf + "; open the grader again");
        }
    }

    public LocalDate asOf() { return asOf; }

    /** How the in-memory part of the last re-grade went; null before the first. */
    public Update lastUpdate() { return lastUpdate; }

    /** One recomputed indicator: the firms whose value changed, and their values before and after (aligned with them). */
    public record Change(int[] at, double[] before, double[] after) {}

    /**
     * Re-grades in memory after {@code patched} (the held data with new events, firm state refreshed in place for
     * {@code seeds}): recomputes only the indicators that read a changed input, re-scores only the firms where any
     * indicator the set reads changed (and the seeds), and keeps everything else. A firm's grade reads its own
     * indicator values, its membership of the professional scopes and, for its reasons, each entry's most common
     * bin over the city; when one of those bins moves every firm is re-scored, so the result is always what a
     * full grade gives. Returns the enterprise indices whose results changed.
     */
    private int[] update(GradingData patched, Set<GradingInput> changed, Set<Integer> seeds, java.util.BitSet changedFirms,
                         int[][] added) {
        long t0 = System.nanoTime();
        IndicatorContext next = ctx.after(patched, changed, added);
        int n = next.n;
        java.util.BitSet affected = new java.util.BitSet(n);
        seeds.forEach(affected::set);
        Map<String, Change> changes = new java.util.LinkedHashMap<>();
        // firms where an indicator's value or source changed within the same bin of every entry: their scores stay,
        // and their reasons change only where they name that indicator
        Map<String, java.util.BitSet> shownOnly = new HashMap<>();
        int recomputed = 0;
        long recomputeNanos = -System.nanoTime();
        SubCity part = SubCity.around(next, changedFirms, groupings, SubCity.GROUP_LIMIT_DEFAULT);
        for (Indicator ind : indicators) {
            if (ind.usesScores() || next.holds(ind)) continue;
            recomputed++;
            int[] core = part.core(ind);
            if (core == null) diff(ind, next, changes, affected, shownOnly);
            else patch(ind, next, part, core, changes, affected, shownOnly);
        }
        // membership reads the firm's own segments, events and links: it can change only at the changed firms
        List<boolean[]> nowMembers = members;
        for (int m = 0; m < models.professional().size(); m++) {
            GradingModel p = models.professional().get(m);
            if (java.util.Collections.disjoint(p.scope().subgroup().inputs(), changed)) continue;
            boolean[] in = ModelSet.members(part.context(), p), was = members.get(m);
            for (int e = changedFirms.nextSetBit(0); e >= 0; e = changedFirms.nextSetBit(e + 1)) {
                int j = part.local(e);
                if (in[j] == was[e]) continue;
                was[e] = in[j];
                affected.set(e);
            }
        }
        recomputeNanos += System.nanoTime();
        GradingModel g = models.general();
        java.util.BitSet firstPassChanged = new java.util.BitSet(n);
        if (next.hasFirstPass()) {
            Grader.Scorer first = new Grader.Scorer(next, Grader.firstPassModel(g), params, null);
            // a firm's first-pass score reads no other firm's, so the held array is updated as it goes
            double[] was = next.firstPassScore();
            for (int i = affected.nextSetBit(0); i >= 0; i = affected.nextSetBit(i + 1)) {
                double s = first.score(i);
                if (s == was[i]) continue;
                was[i] = s;
                firstPassChanged.set(i);
            }
            // new first-pass scores drop the arrays that read them: recompute and diff those
            if (!firstPassChanged.isEmpty()) next.firstPassScore(was);
        }
        recomputeNanos -= System.nanoTime();
        // the score-reading indicators read related firms' first-pass scores and, through who is a principal, their
        // state: they can move around the firms whose first-pass score or state changed
        java.util.BitSet scoredChanged = (java.util.BitSet) firstPassChanged.clone();
        if (changed.contains(GradingInput.STATE)) seeds.forEach(scoredChanged::set);
        SubCity scoredPart = null;
        for (Indicator ind : indicators) {
            if (!ind.usesScores() || next.holds(ind)) continue;
            recomputed++;
            if (scoredPart == null) scoredPart = SubCity.around(next, scoredChanged, Set.of(Set.of()), SubCity.GROUP_LIMIT_DEFAULT);
            patch(ind, next, scoredPart, scoredPart.core(ind), changes, affected, shownOnly);
        }
        recomputeNanos += System.nanoTime();
        for (Map.Entry<String, java.util.BitSet> e : shownOnly.entrySet()) {
            java.util.BitSet at = e.getValue();
            for (int i = at.nextSetBit(0); i >= 0; i = at.nextSetBit(i + 1)) {
                if (affected.get(i)) continue;
                for (Grader.Reason r : grades.reasons().get(i)) {
                    if (r.code().equals(e.getKey())) {
                        affected.set(i);
                        break;
                    }
                }
            }
        }
        lastChanges = changes;
        int[][] nowGeneralBins = binsAfter(g, generalBins, changes);
        Grader.Scorer general = new Grader.Scorer(next, g, params, nowGeneralBins);
        // the held general scores, updated in place (a full grade, if the usual points moved, makes new ones)
        double[] generalScore = ctx.generalScore();
        Map<Integer, List<Grader.Reason>> generalReasons = new HashMap<>();
        int[] rescore = affected.stream().toArray();
        Differ generalChange = new Differ(IndicatorLibrary.get(GENERAL_SCORE));
        java.util.BitSet rescoredAnyway = new java.util.BitSet(); // these firms are being re-scored already
        for (int i : rescore) {
            double s = general.score(i);
            generalChange.firm(i, generalScore[i], s, false, rescoredAnyway);
            generalScore[i] = s;
            generalReasons.put(i, general.reasons(i));
        }
        generalChange.finish(changes, new HashMap<>());
        next.generalScore(generalScore);
        List<int[][]> nowProfessionalBins = new ArrayList<>();
        for (int m = 0; m < models.professional().size(); m++) {
            nowProfessionalBins.add(binsAfter(models.professional().get(m), professionalBins.get(m), changes));
        }
        boolean usualMoved = moved(g, generalBins, nowGeneralBins);
        for (int m = 0; m < models.professional().size(); m++) {
            usualMoved |= moved(models.professional().get(m), professionalBins.get(m), nowProfessionalBins.get(m));
        }
        Grader.Grades before = grades;
        int[] which;
        // with an overlay the scorecards only keep the indicator values current: their grades are not served, so a
        // moved "usual" (their reasons' baseline) re-grades nothing (at 2.9 M a full grade of the city takes 30 s)
        usualMoved &= overlay == null;
        if (usualMoved) {
            // every firm's reasons are measured against the usual points: grade the whole city again
            fullGrade(new IndicatorContext(patched, asOf));
            which = java.util.stream.IntStream.range(0, n).filter(i -> differs(before, grades, i)).toArray();
            rescore = null;
        } else {
            ModelSet.Refiner refiner = new ModelSet.Refiner(next, models, params, nowMembers, nowProfessionalBins);
            // the held grades, updated in place at the re-scored firms, whose results before are kept to compare
            List<List<Grader.Reason>> reasons = before.reasons() instanceof ArrayList<List<Grader.Reason>> list ? list
                    : new ArrayList<>(before.reasons());
            grades = new Grader.Grades(g, before.score(), before.grade(), reasons, before.modelName());
            Grader.Grades was = new Grader.Grades(g, new double[rescore.length], new char[rescore.length],
                    new ArrayList<>(), new String[rescore.length]);
            for (int k = 0; k < rescore.length; k++) {
                int i = rescore[k];
                was.score()[k] = grades.score()[i];
                was.grade()[k] = grades.grade()[i];
                was.modelName()[k] = grades.modelName()[i];
                was.reasons().add(grades.reasons().get(i));
                refiner.refine(i, generalScore[i], generalReasons.get(i), grades.score(), grades.grade(), grades.modelName(), reasons);
            }
            generalBins = nowGeneralBins;
            professionalBins = nowProfessionalBins;
            ctx = next;
            int[] all = rescore;
            which = java.util.stream.IntStream.range(0, rescore.length).filter(k -> differs(was, k, grades, all[k]))
                    .map(k -> all[k]).toArray();
        }
        lastUpdate = new Update(rescore == null ? n : rescore.length, recomputed, usualMoved, System.nanoTime() - t0,
                recomputeNanos);
        return which;
    }

    /**
     * Computes the indicator on {@code next} and records where its value or source differs from the held context:
     * a firm where some entry's bin changed (or a trigger reads the value) is re-scored, one where only what a
     * reason shows changed is noted in {@code shownOnly}.
     */
    private void diff(Indicator ind, IndicatorContext next, Map<String, Change> changes, java.util.BitSet affected,
                      Map<String, java.util.BitSet> shownOnly) {
        Indicator.Values was = held(ind), now = next.values(ind);
        double[] a = was.value(), b = now.value();
        String[] sa = was.source(), sb = now.source();
        Differ d = new Differ(ind);
        for (int i = 0; i < a.length; i++) {
            d.firm(i, a[i], b[i], sa != sb && !java.util.Objects.equals(sa == null ? null : sa[i], sb == null ? null : sb[i]), affected);
        }
        d.finish(changes, shownOnly);
    }

    /**
     * Computes the indicator on the part around the change and puts its values at the core firms (where alone they
     * can have changed) into the held arrays, which {@code next} then holds: no city-sized array per event. Records
     * the differences as {@link #diff} does.
     */
    private void patch(Indicator ind, IndicatorContext next, SubCity part, int[] core, Map<String, Change> changes,
                       java.util.BitSet affected, Map<String, java.util.BitSet> shownOnly) {
        Indicator.Values was = held(ind), now = part.context().values(ind);
        double[] a = was.value(), b = now.value();
        String[] sa = was.source(), sb = now.source();
        if ((sa == null) != (sb == null)) throw new IllegalStateException("indicator " + ind.code() + " gives sources only sometimes");
        Differ d = new Differ(ind);
        for (int e : core) {
            int j = part.local(e);
            boolean sourceChanged = sa != null && !java.util.Objects.equals(sa[e], sb[j]);
            d.firm(e, a[e], b[j], sourceChanged, affected);
            a[e] = b[j];
            if (sa != null) sa[e] = sb[j];
        }
        next.values(ind, was);
        d.finish(changes, shownOnly);
    }

    /** The held context's values, which hold every indicator the set reads (computed before any state was refreshed). */
    private Indicator.Values held(Indicator ind) {
        if (!ctx.holds(ind)) throw new IllegalStateException("indicator " + ind.code() + " was not computed at open");
        return ctx.values(ind);
    }

    /** One indicator's differences, firm by firm: the firms whose value changed, with the values before and after. */
    private final class Differ {
        private final Indicator indicator;
        private final List<GradingModel.Entry> entries;
        private final boolean trigger;
        private final GradingData.IntList at = new GradingData.IntList();
        private double[] before = new double[16], after = new double[16];
        private final java.util.BitSet shown = new java.util.BitSet();

        Differ(Indicator indicator) {
            this.indicator = indicator;
            this.entries = entriesByIndicator.getOrDefault(indicator.code(), List.of());
            this.trigger = triggerCodes.contains(indicator.code());
        }

        void firm(int i, double a, double b, boolean sourceChanged, java.util.BitSet affected) {
            boolean valueChanged = Double.compare(a, b) != 0;
            if (!valueChanged && !sourceChanged) return;
            boolean binChanged = trigger;
            if (valueChanged) {
                int k = at.size();
                if (k == before.length) {
                    before = java.util.Arrays.copyOf(before, 2 * k);
                    after = java.util.Arrays.copyOf(after, 2 * k);
                }
                at.add(i);
                before[k] = a;
                after[k] = b;
                for (int j = 0; j < entries.size() && !binChanged; j++) binChanged = entries.get(j).bin(a) != entries.get(j).bin(b);
            }
            if (binChanged) affected.set(i);
            else shown.set(i);
        }

        void finish(Map<String, Change> changes, Map<String, java.util.BitSet> shownOnly) {
            int k = at.size();
            changes.put(indicator.code(), new Change(at.toArray(), java.util.Arrays.copyOf(before, k), java.util.Arrays.copyOf(after, k)));
            if (!shown.isEmpty()) shownOnly.put(indicator.code(), shown);
        }
    }

    /** The model's bin counts after the changes (a copy; the held counts stay as they were). */
    private int[][] binsAfter(GradingModel m, int[][] bins, Map<String, Change> changes) {
        List<GradingModel.Entry> used = Grader.used(m, params);
        int[][] out = new int[bins.length][];
        for (int j = 0; j < used.size(); j++) {
            GradingModel.Entry e = used.get(j);
            Change c = changes.get(e.indicator().code());
            if (c == null || c.at().length == 0) {
                out[j] = bins[j];
                continue;
            }
            out[j] = bins[j].clone();
            for (int k = 0; k < c.at().length; k++) {
                out[j][e.bin(c.before()[k])]--;
                out[j][e.bin(c.after()[k])]++;
            }
        }
        return out;
    }

    private boolean moved(GradingModel m, int[][] before, int[][] after) {
        List<GradingModel.Entry> used = Grader.used(m, params);
        return !java.util.Arrays.equals(Grader.Scorer.usualPoints(used, before), Grader.Scorer.usualPoints(used, after));
    }

    private static boolean differs(Grader.Grades a, Grader.Grades b, int i) { return differs(a, i, b, i); }

    /** Whether firm {@code i} of {@code a} and firm {@code j} of {@code b} have different results. */
    private static boolean differs(Grader.Grades a, int i, Grader.Grades b, int j) {
        return a.score()[i] != b.score()[j] || a.grade()[i] != b.grade()[j] || !a.modelName()[i].equals(b.modelName()[j])
                || !a.reasons().get(i).equals(b.reasons().get(j));
    }

    /**
     * The firm's own state, which trigger factors read (an abnormal listing) and the basic indicators, in place;
     * whether any of it changed.
     */
    private boolean refreshState(GraphStore store, String uscc) {
        Optional<GraphNode> node = store.node(ENTERPRISE, uscc);
        if (node.isEmpty()) throw new IllegalArgumentException("enterprise " + uscc + " is no longer in the store");
        Map<String, Object> p = node.get().properties();
        int i = indexByUscc.get(uscc);
        boolean changed = false;
        if (p.get("status") != null) changed |= set(data.status, i, String.valueOf(p.get("status")).trim().toUpperCase(Locale.ROOT));
        if (p.get("type") != null) changed |= set(data.type, i, String.valueOf(p.get("type")).trim().toUpperCase(Locale.ROOT));
        if (p.get("registered_capital") instanceof Number x) changed |= set(data.registeredCapital, i, x.doubleValue());
        if (p.get("paid_in_capital") instanceof Number x) changed |= set(data.paidInCapital, i, x.doubleValue());
        if (p.get("employees") instanceof Number x) changed |= set(data.employees, i, x.doubleValue());
        return changed;
    }

    private static boolean set(String[] a, int i, String v) {
        if (v.equals(a[i])) return false;
        a[i] = v;
        return true;
    }

    private static boolean set(double[] a, int i, double v) {
        if (Double.compare(v, a[i]) == 0) return false;
        a[i] = v;
        return true;
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
        int[][] inspectors = family == 0 ? new int[k][] : null;
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
            if (inspectors != null) inspectors[j] = inspectorPersons(store, eventKey, key);
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
        return new GradingData.NewEvents(ids, day, props, ent, ent2, person, inspectors);
    }

    /** The persons of an inspection's inspectors (Inspector -CARRIED_OUT-> Inspection, Inspector -IS_PERSON-> Person). */
    private int[] inspectorPersons(GraphStore store, NodeKey inspection, Object key) {
        GradingData.IntList out = new GradingData.IntList();
        for (GraphPath path : store.neighbourhood(inspection, key, new TraversalLimits(2, Set.of("CARRIED_OUT", "IS_PERSON"),
                READ_MAX_DEGREE, READ_MAX_RESULTS))) {
            List<GraphRelationship> r = path.relationships();
            GraphNode end = path.nodes().get(path.nodes().size() - 1);
            if (r.size() != 2 || !r.get(0).type().equals("CARRIED_OUT") || !r.get(1).type().equals("IS_PERSON")
                    || !end.labels().contains("Person")) continue;
            int p = data.personIndex(storeId(end.id()));
            if (p >= 0) out.add(p);
        }
        return out.toArray();
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
