package io.riskgraph.risk.grading;

import io.riskgraph.progress.Cancellation;
import io.riskgraph.store.GraphStore;
import io.riskgraph.store.ProjectionSink;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Everything the indicators read, loaded once through the {@link GraphStore} port into primitive arrays keyed by
 * enterprise index (the position of the enterprise's store id in {@link #enterpriseIds}, sorted), so that each
 * indicator family is one pass over arrays rather than one query per enterprise.
 */
public final class GradingData {
    static final int BATCH = 10_000;
    /** Marks an unknown day. */
    public static final int NO_DAY = Integer.MIN_VALUE;

    /**
     * Events of one label: the day, selected properties (upper-cased text) and whom each concerns. The arrays may be
     * longer than {@link #size()}: a re-grade appends new events in their spare room, which the earlier view of the
     * same arrays does not see.
     */
    public static final class Events {
        public final long[] ids;
        public final int[] day;
        public final Object[][] props;
        public final List<String> propNames;
        /** The enterprise (index) the event's main relationship points to, -1 when none. */
        public final int[] ent;
        /** A second enterprise (a sample's producer), -1 when none. */
        public final int[] ent2;
        /** A person (index) the event concerns, -1 when none. */
        public final int[] person;
        private final int size;
        /** Shared by the views of the same arrays: the largest size handed out, so that only the latest view appends. */
        private final int[] handedOut;

        Events(long[] ids, List<String> propNames) { this(ids, propNames, ids.length); }

        /** Room for {@code capacity} events, the first {@code ids.length} of them these. */
        private Events(long[] ids, List<String> propNames, int capacity) {
            this.size = ids.length;
            this.ids = Arrays.copyOf(ids, capacity);
            this.propNames = propNames;
            this.day = new int[capacity];
            Arrays.fill(day, NO_DAY);
            this.props = new Object[propNames.size()][capacity];
            this.ent = filled(capacity);
            this.ent2 = filled(capacity);
            this.person = filled(capacity);
            this.handedOut = new int[]{size};
        }

        private Events(Events base, int size) {
            this.ids = base.ids;
            this.day = base.day;
            this.props = base.props;
            this.propNames = base.propNames;
            this.ent = base.ent;
            this.ent2 = base.ent2;
            this.person = base.person;
            this.handedOut = base.handedOut;
            this.size = size;
            handedOut[0] = size;
        }

        public int size() { return size; }

        /**
         * These events and the new ones, ids ascending: written into the spare room when this is the latest view and
         * the new ids follow the old (the usual case: the store hands out growing ids), else into new arrays with
         * room to grow; either way this view stays as it was.
         */
        Events with(NewEvents a) {
            int k = a.ids().length;
            Integer[] order = new Integer[k];
            for (int j = 0; j < k; j++) order[j] = j;
            Arrays.sort(order, (x, y) -> Long.compare(a.ids()[x], a.ids()[y]));
            boolean follows = size == 0 || a.ids()[order[0]] > ids[size - 1];
            Events out;
            if (follows && handedOut[0] == size && size + k <= ids.length) {
                out = this;
            } else {
                out = new Events(Arrays.copyOf(ids, 0), propNames, Math.max(16, (size + k) + (size + k) / 8));
                merge(out, a, order);
                return new Events(out, size + k);
            }
            for (int j = 0; j < k; j++) out.put(size + j, a, order[j]);
            return new Events(out, size + k);
        }

        /** Writes the merge of this view and the new events (in {@code order}) into the empty arrays of {@code out}. */
        private void merge(Events out, NewEvents a, Integer[] order) {
            int k = order.length, i = 0, j = 0;
            for (int at = 0; at < size + k; at++) {
                if (j == k || (i < size && ids[i] <= a.ids()[order[j]])) {
                    out.ids[at] = ids[i];
                    out.day[at] = day[i];
                    out.ent[at] = ent[i];
                    out.ent2[at] = ent2[i];
                    out.person[at] = person[i];
                    for (int p = 0; p < props.length; p++) out.props[p][at] = props[p][i];
                    i++;
                } else {
                    out.put(at, a, order[j++]);
                }
            }
        }

        private void put(int at, NewEvents a, int x) {
            ids[at] = a.ids()[x];
            day[at] = a.day()[x];
            ent[at] = a.ent()[x];
            ent2[at] = a.ent2()[x];
            person[at] = a.person()[x];
            for (int p = 0; p < props.length; p++) props[p][at] = a.props()[p][x];
        }

        /** Where each event of this view is in {@code later} (a view with events added by {@link #with}). */
        int[] positionsIn(Events later) {
            int[] at = new int[size];
            for (int i = 0; i < size; i++) at[i] = later.index(ids[i]);
            return at;
        }

        public String text(String prop, int i) {
            Object v = props[propNames.indexOf(prop)][i];
            return v == null ? null : v.toString();
        }

        public double number(String prop, int i) {
            Object v = props[propNames.indexOf(prop)][i];
            if (v instanceof Number n) return n.doubleValue();
            if (v instanceof String s) {
                try { return Double.parseDouble(s); } catch (NumberFormatException e) { return Double.NaN; }
            }
            return Double.NaN;
        }

        public int index(long storeId) { return Arrays.binarySearch(ids, 0, size, storeId); }

        /** The events at these positions (ascending), their firms and persons re-numbered (see the part's constructor). */
        Events part(int[] at, int[] firms, int[] persons) {
            Events e = new Events(pick(ids, at), propNames);
            for (int k = 0; k < at.length; k++) {
                int i = at[k];
                e.day[k] = day[i];
                for (int p = 0; p < props.length; p++) e.props[p][k] = props[p][i];
            }
            int[] ents = renumber(pick(ent, at), firms), ents2 = renumber(pick(ent2, at), firms), ps = renumber(pick(person, at), persons);
            System.arraycopy(ents, 0, e.ent, 0, at.length);
            System.arraycopy(ents2, 0, e.ent2, 0, at.length);
            System.arraycopy(ps, 0, e.person, 0, at.length);
            return e;
        }
    }

    public final long[] enterpriseIds;
    public final String[] uscc;
    public final String[] type;
    public final String[] status;
    public final int[] established;
    public final double[] registeredCapital;
    public final double[] paidInCapital;
    public final double[] employees;
    public final String[][] segments;
    public final boolean[] usccCheckFailed;
    public final boolean[] hasPhoneField;
    /** Write-back of the algorithms (NaN when {@code analyze} has not run). */
    public final double[] pagerank, degree, betweenness, wccSize, riskOwn, riskInherited;
    public final long[] community, wcc;

    public final long[] personIds;
    public final String[] personKey;
    /** Roles: person index, enterprise index, role type name. */
    public final int[] rolePerson, roleEnt;
    public final String[] roleType;
    /** Enterprise links: from, to (indices), type name. */
    public final int[] linkFrom, linkTo;
    public final String[] linkType;
    /** The store id of the Address / Phone node of each enterprise, -1 when none. */
    public final long[] entAddress, entPhone;
    /** The Address / Phone store id of each person, -1 when none. */
    public final long[] personAddress, personPhone;
    /** Persons who are inspectors. */
    public final boolean[] personIsInspector;
    /** Inspection (index into {@link #inspections}) to inspector person index pairs. */
    public final int[] inspectionOfVisit, personOfVisit;

    public final Events inspections, samples, penalties, complaints, courtRecords, alerts;

    /**
     * Values derived from this data's undated parts only (roles, links, addresses, phones): see {@link #derived}.
     * Shared with the views that keep those parts (this data with more events, or without the event analyses), so
     * that a re-grade after one event does not rebuild a city's related-party graph (about 8 s at 2.9 M firms).
     */
    private java.util.concurrent.ConcurrentHashMap<String, Object> derived = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * A value computed once per data object and shared by every context on it, whatever its as-of day: only for what
     * reads no event and no date (the arrays it reads are never changed in place; a view with other roles or links is
     * another object with its own values). {@code learn} builds four contexts on one city, and the related-party
     * graph was rebuilt in each.
     */
    @SuppressWarnings("unchecked")
    public <T> T derived(String key, java.util.function.Supplier<T> f) {
        Object v = derived.get(key);
        if (v == null) {
            v = f.get();
            Object before = derived.putIfAbsent(key, v);
            if (before != null) v = before;
        }
        return (T) v;
    }

    private GradingData(GraphStore store, Cancellation c) {
        enterpriseIds = nodeIds(store, "Enterprise");
        int n = enterpriseIds.length;
        uscc = new String[n];
        type = new String[n];
        status = new String[n];
        established = new int[n];
        Arrays.fill(established, NO_DAY);
        registeredCapital = nan(n);
        paidInCapital = nan(n);
        employees = nan(n);
        segments = new String[n][];
        usccCheckFailed = new boolean[n];
        hasPhoneField = new boolean[n];
        pagerank = nan(n);
        degree = nan(n);
        betweenness = nan(n);
        wccSize = nan(n);
        riskOwn = nan(n);
        riskInherited = nan(n);
        community = minusOne(n);
        wcc = minusOne(n);
        double[][] numeric = {registeredCapital, paidInCapital, employees, pagerank, degree, betweenness, wccSize,
                riskOwn, riskInherited};
        long[][] integral = {community, wcc};
        // one pass over the enterprises; the column order is ENTERPRISE_PROPERTIES'
        store.streamNodeProperties("Enterprise", ENTERPRISE_PROPERTIES, (ids, v, k) -> {
            for (int i = 0; i < k; i++) {
                int at = Arrays.binarySearch(enterpriseIds, ids[i]);
                if (at < 0) continue;
                // keys are opaque and stay as stored; enum values match case-insensitively (data contract)
                if (v[0][i] != null) uscc[at] = String.valueOf(v[0][i]);
                type[at] = enumText(v[1][i]);
                status[at] = enumText(v[2][i]);
                established[at] = day(v[3][i]);
                if (v[4][i] instanceof List<?> l) {
                    segments[at] = l.stream().map(x -> String.valueOf(x).toUpperCase(Locale.ROOT)).toArray(String[]::new);
                }
                usccCheckFailed[at] = Boolean.TRUE.equals(v[5][i]);
                hasPhoneField[at] = v[6][i] != null && !String.valueOf(v[6][i]).isBlank();
                for (int col = 0; col < numeric.length; col++) if (v[7 + col][i] instanceof Number x) numeric[col][at] = x.doubleValue();
                for (int col = 0; col < integral.length; col++) {
                    if (v[7 + numeric.length + col][i] instanceof Number x) integral[col][at] = x.longValue();
                }
            }
        }, BATCH);
        for (int i = 0; i < n; i++) if (segments[i] == null) segments[i] = new String[0];
        c.throwIfCancelled();

        personIds = nodeIds(store, "Person");
        personKey = new String[personIds.length];
        store.streamNodeProperties("Person", List.of("person_id"), (ids, v, k) -> {
            for (int i = 0; i < k; i++) {
                int at = Arrays.binarySearch(personIds, ids[i]);
                if (at >= 0 && v[0][i] != null) personKey[at] = String.valueOf(v[0][i]);
            }
        }, BATCH);
        inspections = events(store, "Inspection", "date", List.of("result", "issues", "rectified", "kind"));
        samples = events(store, "Sample", "date", List.of("result", "failed_items"));
        penalties = events(store, "Penalty", "date", List.of("kind", "amount", "leniency"));
        complaints = events(store, "Complaint", "date", List.of("verified"));
        courtRecords = events(store, "CourtRecord", "date", List.of("kind", "role", "outcome", "status", "amount"));
        alerts = events(store, "Alert", "time", List.of("kind", "status"));
        long[] inspectorIds = nodeIds(store, "Inspector");
        c.throwIfCancelled();

        // every relationship the indicators read, in one pass over the store (a pass per type would rescan it)
        IntList rp = new IntList(), re = new IntList(), rt = new IntList();
        IntList lf = new IntList(), lt = new IntList(), lk = new IntList();
        IntList visitInspector = new IntList(), visitInspection = new IntList();
        entAddress = minusOne(n);
        entPhone = minusOne(n);
        personAddress = minusOne(personIds.length);
        personPhone = minusOne(personIds.length);
        int[] inspectorPerson = filled(inspectorIds.length);
        personIsInspector = new boolean[personIds.length];
        Events[] eventOf = {inspections, samples, samples, penalties, complaints, courtRecords, alerts};
        int roles = ROLE_TYPES.size(), links = roles + LINK_TYPES.size(), contacts = links + 2;
        int events = contacts + eventOf.length, isPerson = events, carriedOut = events + 1;
        store.streamRelationships(RELATIONSHIP_TYPES, null, new ProjectionSink() {
            @Override
            public void relationships(long[] s, long[] e, int[] ti, double[] w, int k) {
                for (int i = 0; i < k; i++) {
                    int t = ti[i];
                    if (t < roles) {
                        int x = personIndex(s[i]), y = index(e[i]);
                        if (x >= 0 && y >= 0) {
                            rp.add(x);
                            re.add(y);
                            rt.add(t);
                        }
                    } else if (t < links) {
                        int x = index(s[i]), y = index(e[i]);
                        if (x >= 0 && y >= 0) {
                            lf.add(x);
                            lt.add(y);
                            lk.add(t - roles);
                        }
                    } else if (t < contacts) {
                        boolean address = t == links;
                        int x = index(s[i]);
                        if (x >= 0) {
                            (address ? entAddress : entPhone)[x] = e[i];
                        } else if ((x = personIndex(s[i])) >= 0) {
                            (address ? personAddress : personPhone)[x] = e[i];
                        }
                    } else if (t < events) {
                        Events ev = eventOf[t - contacts];
                        int at = ev.index(s[i]);
                        if (at < 0) continue;
                        int x = index(e[i]);
                        if (x >= 0) {
                            (t - contacts == 2 ? ev.ent2 : ev.ent)[at] = x; // 2: a sample's PRODUCED_BY
                        } else if (ev == courtRecords && (x = personIndex(e[i])) >= 0) {
                            ev.person[at] = x;
                        }
                    } else if (t == isPerson) {
                        int a = Arrays.binarySearch(inspectorIds, s[i]), p = personIndex(e[i]);
                        if (a >= 0 && p >= 0) {
                            inspectorPerson[a] = p;
                            personIsInspector[p] = true;
                        }
                    } else if (t == carriedOut) {
                        int a = Arrays.binarySearch(inspectorIds, s[i]), x = inspections.index(e[i]);
                        if (a >= 0 && x >= 0) {
                            visitInspector.add(a);
                            visitInspection.add(x);
                        }
                    }
                }
            }
        }, BATCH);
        // the relationships arrive in the readers' order, which differs between reads; sources and reasons that
        // take the first of equals must not
        int[][] role = sorted(re.toArray(), rp.toArray(), rt.toArray());
        roleEnt = role[0];
        rolePerson = role[1];
        roleType = names(role[2], ROLE_TYPES);
        int[][] link = sorted(lf.toArray(), lt.toArray(), lk.toArray());
        linkFrom = link[0];
        linkTo = link[1];
        linkType = names(link[2], LINK_TYPES);
        // a visit counts once the inspector's person is known, which the same pass may have delivered later
        IntList vi = new IntList(), vp = new IntList();
        int[] inspector = visitInspector.toArray(), inspection = visitInspection.toArray();
        for (int v = 0; v < inspector.length; v++) {
            if (inspectorPerson[inspector[v]] < 0) continue;
            vi.add(inspection[v]);
            vp.add(inspectorPerson[inspector[v]]);
        }
        int[][] visit = sorted(vi.toArray(), vp.toArray(), new int[vi.size()]);
        inspectionOfVisit = visit[0];
        personOfVisit = visit[1];
    }

    /**
     * The triples (a[i], b[i], c[i]) in ascending order: packed into one long each (a in 26 bits, b in 32, c in 5,
     * which covers 67 M enterprises and 4 G persons), sorted, unpacked. Left as they are beyond those bounds.
     */
    static int[][] sorted(int[] a, int[] b, int[] c) {
        long[] key = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            if (a[i] >>> 26 != 0 || c[i] >>> 5 != 0) return new int[][]{a, b, c};
            key[i] = ((long) a[i] << 37) | ((b[i] & 0xFFFFFFFFL) << 5) | c[i];
        }
        Arrays.parallelSort(key);
        int[][] out = {new int[a.length], new int[a.length], new int[a.length]};
        for (int i = 0; i < key.length; i++) {
            out[0][i] = (int) (key[i] >>> 37);
            out[1][i] = (int) ((key[i] >>> 5) & 0xFFFFFFFFL);
            out[2][i] = (int) (key[i] & 31);
        }
        return out;
    }

    public static final List<String> ROLE_TYPES = List.of("LEGAL_REPRESENTATIVE_OF", "SHAREHOLDER_OF", "DIRECTOR_OF",
            "SUPERVISOR_OF", "MANAGER_OF", "FINANCE_OFFICER_OF", "CONTACT_OF");
    public static final List<String> LINK_TYPES = List.of("INVESTS_IN", "BRANCH_OF", "SUPPLIES", "GUARANTEES");
    /**
     * What the one relationship pass asks for, in the order its dispatch counts on: roles, links, the two contact
     * types, per event family its relationship(s) (a sample's two), then inspector to person and to inspection.
     */
    static final List<String> RELATIONSHIP_TYPES = relationshipTypes();

    private static List<String> relationshipTypes() {
        List<String> all = new ArrayList<>(ROLE_TYPES);
        all.addAll(LINK_TYPES);
        all.addAll(List.of("LOCATED_AT", "HAS_PHONE", "INSPECTED", "SAMPLED_AT", "PRODUCED_BY", "IMPOSED_ON",
                "COMPLAINS_ABOUT", "CONCERNS", "RAISED_AT", "IS_PERSON", "CARRIED_OUT"));
        return List.copyOf(all);
    }

    private static String[] names(int[] index, List<String> names) {
        String[] out = new String[index.length];
        for (int i = 0; i < index.length; i++) out[i] = names.get(index[i]);
        return out;
    }

    /**
     * The same data with other event families (the incremental re-grade's patch) and only some roles and links
     * (positions, ascending; null = all); everything else is shared.
     */
    private GradingData(GradingData b, List<Events> ev, int[] inspectionOfVisit, int[] personOfVisit) {
        this(b, ev, inspectionOfVisit, personOfVisit, false);
    }

    /**
     * This data without the analysis write-back that analyze derived from events (own and inherited event risk): it
     * was computed over every event in the store, so grading as of a past day with it would see that day's future.
     * A back-test of the shipped scorecards grades on this view (their S18 and N01 then read 0).
     */
    public GradingData withoutEventAnalyses() {
        return new GradingData(this, all(this), inspectionOfVisit, personOfVisit, true);
    }

    private GradingData(GradingData b, List<Events> ev, int[] inspectionOfVisit, int[] personOfVisit, boolean dropEventAnalyses) {
        enterpriseIds = b.enterpriseIds;
        uscc = b.uscc;
        type = b.type;
        status = b.status;
        established = b.established;
        registeredCapital = b.registeredCapital;
        paidInCapital = b.paidInCapital;
        employees = b.employees;
        segments = b.segments;
        usccCheckFailed = b.usccCheckFailed;
        hasPhoneField = b.hasPhoneField;
        pagerank = b.pagerank;
        degree = b.degree;
        betweenness = b.betweenness;
        wccSize = b.wccSize;
        riskOwn = dropEventAnalyses ? nan(b.riskOwn.length) : b.riskOwn;
        riskInherited = dropEventAnalyses ? nan(b.riskInherited.length) : b.riskInherited;
        community = b.community;
        wcc = b.wcc;
        personIds = b.personIds;
        personKey = b.personKey;
        rolePerson = b.rolePerson;
        roleEnt = b.roleEnt;
        roleType = b.roleType;
        linkFrom = b.linkFrom;
        linkTo = b.linkTo;
        linkType = b.linkType;
        entAddress = b.entAddress;
        entPhone = b.entPhone;
        personAddress = b.personAddress;
        personPhone = b.personPhone;
        personIsInspector = b.personIsInspector;
        derived = b.derived; // the same roles, links, addresses and phones
        this.inspectionOfVisit = inspectionOfVisit;
        this.personOfVisit = personOfVisit;
        inspections = ev.get(0);
        samples = ev.get(1);
        penalties = ev.get(2);
        complaints = ev.get(3);
        courtRecords = ev.get(4);
        alerts = ev.get(5);
    }

    /**
     * The part of this data at these firms and persons (ascending indices here), with these roles and links (whose
     * ends must be among them), these events per family (positions, ascending) and these visits: every index
     * re-numbered to the part's own, an end outside the part becoming -1 (no event or visit points outside).
     */
    GradingData(GradingData b, int[] firms, int[] persons, int[] roles, int[] links, List<int[]> events, int[] visits) {
        enterpriseIds = pick(b.enterpriseIds, firms);
        uscc = pick(b.uscc, firms);
        type = pick(b.type, firms);
        status = pick(b.status, firms);
        established = pick(b.established, firms);
        registeredCapital = pick(b.registeredCapital, firms);
        paidInCapital = pick(b.paidInCapital, firms);
        employees = pick(b.employees, firms);
        segments = new String[firms.length][];
        usccCheckFailed = new boolean[firms.length];
        hasPhoneField = new boolean[firms.length];
        for (int i = 0; i < firms.length; i++) {
            segments[i] = b.segments[firms[i]];
            usccCheckFailed[i] = b.usccCheckFailed[firms[i]];
            hasPhoneField[i] = b.hasPhoneField[firms[i]];
        }
        pagerank = pick(b.pagerank, firms);
        degree = pick(b.degree, firms);
        betweenness = pick(b.betweenness, firms);
        wccSize = pick(b.wccSize, firms);
        riskOwn = pick(b.riskOwn, firms);
        riskInherited = pick(b.riskInherited, firms);
        community = pick(b.community, firms);
        wcc = pick(b.wcc, firms);
        entAddress = pick(b.entAddress, firms);
        entPhone = pick(b.entPhone, firms);
        personIds = pick(b.personIds, persons);
        personKey = pick(b.personKey, persons);
        personAddress = pick(b.personAddress, persons);
        personPhone = pick(b.personPhone, persons);
        personIsInspector = new boolean[persons.length];
        for (int i = 0; i < persons.length; i++) personIsInspector[i] = b.personIsInspector[persons[i]];
        rolePerson = renumber(pick(b.rolePerson, roles), persons);
        roleEnt = renumber(pick(b.roleEnt, roles), firms);
        roleType = pick(b.roleType, roles);
        linkFrom = renumber(pick(b.linkFrom, links), firms);
        linkTo = renumber(pick(b.linkTo, links), firms);
        linkType = pick(b.linkType, links);
        List<Events> all = all(b), part = new ArrayList<>();
        for (int f = 0; f < all.size(); f++) part.add(all.get(f).part(events.get(f), firms, persons));
        inspections = part.get(0);
        samples = part.get(1);
        penalties = part.get(2);
        complaints = part.get(3);
        courtRecords = part.get(4);
        alerts = part.get(5);
        inspectionOfVisit = renumber(pick(b.inspectionOfVisit, visits), events.get(0));
        personOfVisit = renumber(pick(b.personOfVisit, visits), persons);
    }

    private static int[] concat(int[] a, int[] b) {
        if (b.length == 0) return a;
        int[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Each index by its position among {@code kept} (ascending), -1 when it is not kept. */
    static int[] renumber(int[] indices, int[] kept) {
        int[] out = new int[indices.length];
        for (int i = 0; i < out.length; i++) out[i] = indices[i] < 0 ? -1 : Math.max(-1, Arrays.binarySearch(kept, indices[i]));
        return out;
    }

    private static long[] pick(long[] a, int[] at) {
        long[] out = new long[at.length];
        for (int i = 0; i < at.length; i++) out[i] = a[at[i]];
        return out;
    }

    private static double[] pick(double[] a, int[] at) {
        double[] out = new double[at.length];
        for (int i = 0; i < at.length; i++) out[i] = a[at[i]];
        return out;
    }

    /** Event families in the order of {@link #all}: label, date property, properties, relationship(s). */
    public static final List<String> EVENT_LABELS = List.of("Inspection", "Sample", "Penalty", "Complaint", "CourtRecord", "Alert");

    /**
     * This data with events added: per family (order of {@link #EVENT_LABELS}) the new events' store ids, days,
     * properties (the family's property order), enterprise, second enterprise and person indices (-1 when none).
     * Enterprise and person state is shared with this data (the caller updates its arrays in place).
     */
    GradingData withEvents(List<NewEvents> added) {
        List<Events> ev = all(this);
        int[] visits = inspectionOfVisit, visitors = personOfVisit;
        for (int f = 0; f < ev.size(); f++) {
            NewEvents a = added.get(f);
            if (a == null || a.ids.length == 0) continue;
            Events old = ev.get(f), now = old.with(a);
            if (f == 0 && old.size() > 0 && now.index(old.ids[old.size() - 1]) != old.size() - 1) {
                // new inspections sorted before old ones: the visits point at the moved positions
                int[] at = old.positionsIn(now);
                visits = visits.clone();
                for (int v = 0; v < visits.length; v++) if (visits[v] >= 0) visits[v] = at[visits[v]];
            }
            if (f == 0 && a.inspectors() != null) {
                IntList vi = new IntList(), vp = new IntList();
                for (int j = 0; j < a.ids.length; j++) {
                    if (a.inspectors()[j] == null) continue;
                    for (int p : a.inspectors()[j]) {
                        vi.add(now.index(a.ids[j]));
                        vp.add(p);
                    }
                }
                visits = concat(visits, vi.toArray());
                visitors = concat(visitors, vp.toArray());
            }
            ev.set(f, now);
        }
        return new GradingData(this, ev, visits, visitors);
    }

    private static int[] pick(int[] a, int[] at) {
        int[] out = new int[at.length];
        for (int i = 0; i < at.length; i++) out[i] = a[at[i]];
        return out;
    }

    private static String[] pick(String[] a, int[] at) {
        String[] out = new String[at.length];
        for (int i = 0; i < at.length; i++) out[i] = a[at[i]];
        return out;
    }

    /**
     * New events of one family, for {@link #withEvents}; for inspections, per event the person indices of its
     * inspectors (null: none known).
     */
    public record NewEvents(long[] ids, int[] day, Object[][] props, int[] ent, int[] ent2, int[] person, int[][] inspectors) {
        NewEvents(long[] ids, int[] day, Object[][] props, int[] ent, int[] ent2, int[] person) {
            this(ids, day, props, ent, ent2, person, null);
        }
    }

    /**
     * One new event of a family (index in {@link #EVENT_LABELS}) for {@link #withEvents}: its store id, day, properties
     * by name (normalised as the read does), firm, second firm and person (indices, -1 for none).
     */
    public List<NewEvents> oneEvent(int family, long id, int day, Map<String, Object> props, int firm, int firm2, int person) {
        Events ev = all(this).get(family);
        Object[][] p = new Object[ev.propNames.size()][1];
        for (int j = 0; j < ev.propNames.size(); j++) {
            Object v = props.get(ev.propNames.get(j));
            p[j][0] = v == null ? null : normalised(v);
        }
        List<NewEvents> out = new ArrayList<>(java.util.Collections.nCopies(EVENT_LABELS.size(), (NewEvents) null));
        out.set(family, new NewEvents(new long[]{id}, new int[]{day}, p, new int[]{firm}, new int[]{firm2}, new int[]{person}));
        return out;
    }

    /** Normalises a property value as the bulk read does (upper-cased text, lists joined with |). */
    static Object normalised(Object x) {
        if (x instanceof String s) return s.trim().toUpperCase(Locale.ROOT);
        if (x instanceof List<?> l) return String.join("|", l.stream().map(String::valueOf).toList()).toUpperCase(Locale.ROOT);
        return x;
    }

    public int personIndex(long storeId) { return Arrays.binarySearch(personIds, storeId); }

    /** Reads the graph; a few dozen streamed reads, independent of the number of enterprises. */
    public static GradingData read(GraphStore store, Cancellation cancellation) {
        return new GradingData(store, cancellation == null ? Cancellation.NEVER : cancellation);
    }

    public int enterpriseCount() { return enterpriseIds.length; }

    public int index(long storeId) { return Arrays.binarySearch(enterpriseIds, storeId); }

    /** The latest day of any event, the default "as of" date; null for a store without events. */
    /** The first day any event happened; null when there is none. */
    public LocalDate earliestEventDay() {
        int min = Integer.MAX_VALUE;
        for (Events e : List.of(inspections, samples, penalties, complaints, courtRecords, alerts)) {
            for (int i = 0; i < e.size(); i++) if (e.day[i] != NO_DAY) min = Math.min(min, e.day[i]);
        }
        return min == Integer.MAX_VALUE ? null : LocalDate.ofEpochDay(min);
    }

    public LocalDate latestEventDay() {
        int max = NO_DAY;
        for (Events e : List.of(inspections, samples, penalties, complaints, courtRecords, alerts)) {
            for (int i = 0; i < e.size(); i++) max = Math.max(max, e.day[i]);
        }
        return max == NO_DAY ? null : LocalDate.ofEpochDay(max);
    }

    static int day(Object v) {
        if (v instanceof LocalDate d) return (int) d.toEpochDay();
        if (v instanceof ZonedDateTime z) return (int) z.toLocalDate().toEpochDay();
        if (v instanceof OffsetDateTime o) return (int) o.toLocalDate().toEpochDay();
        if (v instanceof TemporalAccessor t) {
            try { return (int) LocalDate.from(t).toEpochDay(); } catch (RuntimeException e) { return NO_DAY; }
        }
        if (v instanceof String s && s.length() >= 10) {
            try { return (int) LocalDate.parse(s.substring(0, 10)).toEpochDay(); } catch (RuntimeException e) { return NO_DAY; }
        }
        return NO_DAY;
    }

    /** The enterprise properties the indicators read, in the order the constructor takes them. */
    static final List<String> ENTERPRISE_PROPERTIES = List.of("uscc", "type", "status", "established", "segments",
            "uscc_check_failed", "phone", "registered_capital", "paid_in_capital", "employees", "pagerank",
            "degree_weighted", "betweenness", "wcc_size", "risk_own", "risk_inherited", "community", "wcc");

    private static String enumText(Object v) {
        return v == null ? null : String.valueOf(v).trim().toUpperCase(Locale.ROOT);
    }

    private static double[] nan(int n) {
        double[] a = new double[n];
        Arrays.fill(a, Double.NaN);
        return a;
    }

    private static long[] minusOne(int n) {
        long[] a = new long[n];
        Arrays.fill(a, -1);
        return a;
    }

    /** An index array of -1 (none). */
    static int[] filled(int n) {
        int[] a = new int[n];
        Arrays.fill(a, -1);
        return a;
    }

    static long[] nodeIds(GraphStore store, String label) {
        long[][] ids = {new long[1024]};
        int[] size = {0};
        store.streamNodes(List.of(label), new ProjectionSink() {
            @Override
            public void nodes(long[] batch, int[] labelIndex, int count) {
                if (size[0] + count > ids[0].length) ids[0] = Arrays.copyOf(ids[0], Math.max(size[0] + count, ids[0].length * 2));
                System.arraycopy(batch, 0, ids[0], size[0], count);
                size[0] += count;
            }
        }, BATCH);
        long[] all = Arrays.copyOf(ids[0], size[0]);
        Arrays.sort(all);
        return all;
    }

    /** Events of one label with their day and properties; whom they concern comes from the relationship pass. */
    private static Events events(GraphStore store, String label, String dateProp, List<String> props) {
        Events ev = new Events(nodeIds(store, label), props);
        List<String> columns = new ArrayList<>(props.size() + 1);
        columns.add(dateProp);
        columns.addAll(props);
        store.streamNodeProperties(label, columns, (ids, v, k) -> {
            for (int i = 0; i < k; i++) {
                int at = ev.index(ids[i]);
                if (at < 0) continue;
                ev.day[at] = day(v[0][i]);
                for (int p = 0; p < props.size(); p++) if (v[1 + p][i] != null) ev.props[p][at] = normalised(v[1 + p][i]);
            }
        }, BATCH);
        return ev;
    }

    /** A growable int array, to collect relationships without boxing. */
    static final class IntList {
        private int[] a = new int[1024];
        private int n;

        void add(int v) {
            if (n == a.length) a = Arrays.copyOf(a, n * 2);
            a[n++] = v;
        }

        int[] toArray() { return Arrays.copyOf(a, n); }

        int size() { return n; }
    }

    static List<Events> all(GradingData d) {
        return new ArrayList<>(List.of(d.inspections, d.samples, d.penalties, d.complaints, d.courtRecords, d.alerts));
    }
}
