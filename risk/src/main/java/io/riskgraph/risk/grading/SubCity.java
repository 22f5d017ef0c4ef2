package io.riskgraph.risk.grading;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The small city around some changed firms: everything the indicators read for the firms whose values the change
 * can move, re-indexed, so that an incremental re-grade computes an indicator at the cost of the neighbourhood
 * instead of the city's, with the same computation a full grade runs.
 *
 * <p>An indicator without {@link Indicator#groups()} reads, for a firm, the firm itself, its persons with all their
 * roles and those roles' firms (with their state and events), and its links' other ends; so a change at firm f can
 * move the value only at f, at the firms sharing a person with f and at f's link neighbours (the local core), and
 * the part holds, for each of those, all it reads. An indicator reading groups can move at every member of a
 * changed firm's groups (its core); the part holds all members of those members' groups, with their state and
 * events. A group core over {@link #GROUP_LIMIT_DEFAULT} firms (a city-wide component) is not worth a part: the
 * indicator is then computed over the city, as {@link #core} says.
 */
final class SubCity {
    /** The most firms a group core and its groups may bring into the part. */
    static final int GROUP_LIMIT_DEFAULT = 50_000;

    private final IndicatorContext context;
    /** City indices of the part's firms, ascending: part index i is city firm {@code firms[i]}. */
    private final int[] firms;
    private final int[] localCore;
    private final Map<Set<GroupKey>, int[]> groupCores;

    private SubCity(IndicatorContext context, int[] firms, int[] localCore, Map<Set<GroupKey>, int[]> groupCores) {
        this.context = context;
        this.firms = firms;
        this.localCore = localCore;
        this.groupCores = groupCores;
    }

    /**
     * The part of {@code city} around the firms in {@code changed} (city indices), for indicators reading these sets
     * of group keys (an empty set: none).
     */
    static SubCity around(IndicatorContext city, BitSet changed, Set<Set<GroupKey>> groupings, int groupLimit) {
        GradingData d = city.data;
        int[][] byFirm = city.rolesByFirm(), byPerson = city.rolesByPerson(), links = city.linksByFirm();
        BitSet local = (BitSet) changed.clone();
        for (int f = changed.nextSetBit(0); f >= 0; f = changed.nextSetBit(f + 1)) {
            coPersonFirms(d, byFirm, byPerson, f, local);
            linkNeighbours(d, links, f, local);
        }
        BitSet part = (BitSet) local.clone(), persons = new BitSet(d.personIds.length), roles = new BitSet(d.rolePerson.length);
        for (int e = local.nextSetBit(0); e >= 0; e = local.nextSetBit(e + 1)) {
            for (int x = byFirm[0][e]; x < byFirm[0][e + 1]; x++) {
                int p = d.rolePerson[byFirm[1][x]];
                if (persons.get(p)) continue;
                persons.set(p);
                for (int y = byPerson[0][p]; y < byPerson[0][p + 1]; y++) {
                    roles.set(byPerson[1][y]);
                    part.set(d.roleEnt[byPerson[1][y]]);
                }
            }
            linkNeighbours(d, links, e, part);
        }
        Map<Set<GroupKey>, BitSet> cores = new java.util.HashMap<>();
        for (Set<GroupKey> keys : groupings) {
            if (keys.isEmpty()) continue;
            BitSet core = (BitSet) changed.clone();
            BitSet reach = new BitSet(city.n);
            if (members(city, keys, changed, core, groupLimit) && members(city, keys, core, reach, groupLimit)) {
                cores.put(keys, core);
                part.or(reach);
            }
        }
        int[] firms = part.stream().toArray();
        int[] personAt = persons.stream().toArray();
        // links among the part's firms (all of each local-core firm's links are among them)
        BitSet linkSet = new BitSet(d.linkFrom.length);
        for (int e : firms) {
            for (int x = links[0][e]; x < links[0][e + 1]; x++) {
                int k = links[1][x];
                if (part.get(d.linkFrom[k]) && part.get(d.linkTo[k])) linkSet.set(k);
            }
        }
        List<int[]> events = new ArrayList<>();
        for (GradingData.Events ev : GradingData.all(d)) {
            GradingData.IntList at = new GradingData.IntList();
            for (int i = 0; i < ev.size(); i++) {
                int a = ev.ent[i], b = ev.ent2[i], p = ev.person[i];
                if ((a >= 0 && part.get(a)) || (b >= 0 && part.get(b)) || (p >= 0 && persons.get(p))) at.add(i);
            }
            events.add(at.toArray());
        }
        // visits of the part's inspections, their inspectors with them (their address and phone make a tie)
        BitSet inspections = new BitSet(d.inspections.size());
        for (int x : events.get(0)) inspections.set(x);
        GradingData.IntList visits = new GradingData.IntList();
        BitSet withInspectors = (BitSet) persons.clone();
        for (int v = 0; v < d.inspectionOfVisit.length; v++) {
            int x = d.inspectionOfVisit[v];
            if (x >= 0 && inspections.get(x) && d.personOfVisit[v] >= 0) {
                visits.add(v);
                withInspectors.set(d.personOfVisit[v]);
            }
        }
        if (withInspectors.cardinality() != personAt.length) personAt = withInspectors.stream().toArray();
        GradingData data = new GradingData(d, firms, personAt, roles.stream().toArray(), linkSet.stream().toArray(), events,
                visits.toArray());
        IndicatorContext context = new IndicatorContext(data, city.asOf);
        if (city.hasFirstPass()) {
            double[] s = city.firstPassScore(), mine = new double[firms.length];
            for (int i = 0; i < firms.length; i++) mine[i] = s[firms[i]];
            context.firstPassScore(mine);
        }
        Map<Set<GroupKey>, int[]> groupCores = new java.util.HashMap<>();
        cores.forEach((k, v) -> groupCores.put(k, v.stream().toArray()));
        return new SubCity(context, firms, local.stream().toArray(), groupCores);
    }

    /**
     * Adds to {@code into} the members of the groups (of these keys) of the firms in {@code of}; false when that
     * would exceed {@code limit} firms.
     */
    private static boolean members(IndicatorContext city, Set<GroupKey> keys, BitSet of, BitSet into, int limit) {
        Map<GroupKey, BitSet> seenGroups = new EnumMap<>(GroupKey.class);
        long added = into.cardinality();
        for (GroupKey key : keys) {
            long[] k = key.of(city.data);
            int[] g = city.groupIndex(k);
            int[][] m = city.groupMembers(k);
            BitSet seen = seenGroups.computeIfAbsent(key, x -> new BitSet());
            for (int e = of.nextSetBit(0); e >= 0; e = of.nextSetBit(e + 1)) {
                into.set(e);
                int group = g[e];
                if (group < 0 || seen.get(group)) continue;
                seen.set(group);
                added += m[0][group + 1] - m[0][group];
                if (added > limit) return false;
                for (int x = m[0][group]; x < m[0][group + 1]; x++) into.set(m[1][x]);
            }
        }
        return true;
    }

    private static void coPersonFirms(GradingData d, int[][] byFirm, int[][] byPerson, int f, BitSet into) {
        for (int x = byFirm[0][f]; x < byFirm[0][f + 1]; x++) {
            int p = d.rolePerson[byFirm[1][x]];
            for (int y = byPerson[0][p]; y < byPerson[0][p + 1]; y++) into.set(d.roleEnt[byPerson[1][y]]);
        }
    }

    private static void linkNeighbours(GradingData d, int[][] links, int f, BitSet into) {
        for (int x = links[0][f]; x < links[0][f + 1]; x++) {
            into.set(d.linkFrom[links[1][x]]);
            into.set(d.linkTo[links[1][x]]);
        }
    }

    /** The part's own context: compute indicators on it. */
    IndicatorContext context() { return context; }

    /** The part's index of a city firm, negative when the part does not hold it. */
    int local(int cityFirm) { return java.util.Arrays.binarySearch(firms, cityFirm); }

    int size() { return firms.length; }

    /**
     * The city firms (ascending) where the indicator's value can have changed and where the part gives it exactly,
     * or null when the part does not cover the indicator (compute it over the city).
     */
    int[] core(Indicator indicator) {
        if (indicator.groups().isEmpty()) return localCore;
        return groupCores.get(indicator.groups());
    }
}
