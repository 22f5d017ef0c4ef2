package io.riskgraph.risk.planning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The second "random": a team of inspectors per drawn enterprise, from its district and a unit that inspects its
 * segments, never one personally tied to it, least-loaded first with a seeded random tie-break so that the work is
 * spread evenly. Tasks are served in a seeded random order, so no grade or district is served first by design. When
 * fewer conflict-free inspectors exist than a team needs, the task gets none and says why.
 */
public final class InspectorAssigner {
    /** A drawn enterprise with its team, or with the reason there is none (then {@code inspectors} is empty). */
    public record Assignment(GradeSnapshot.Entry entity, List<String> inspectors, String problem) {
        public boolean assigned() { return problem == null; }
    }

    private InspectorAssigner() {}

    /** Assignments in the order of {@code drawn}. */
    public static List<Assignment> assign(List<GradeSnapshot.Entry> drawn, List<Inspector> inspectors, Ties ties,
                                          int perTask, long seed) {
        Map<String, List<Inspector>> byDistrict = new HashMap<>();
        for (Inspector i : inspectors) if (i.district() != null) byDistrict.computeIfAbsent(i.district(), k -> new ArrayList<>()).add(i);
        Map<String, Integer> load = new HashMap<>();
        SplittableRandom order = Sampler.stream(seed, 101);
        int[] serve = new int[drawn.size()];
        for (int i = 0; i < serve.length; i++) serve[i] = i;
        for (int i = serve.length - 1; i > 0; i--) {
            int j = order.nextInt(i + 1);
            int t = serve[i];
            serve[i] = serve[j];
            serve[j] = t;
        }
        SplittableRandom pick = Sampler.stream(seed, 102);
        Assignment[] out = new Assignment[drawn.size()];
        for (int idx : serve) {
            GradeSnapshot.Entry e = drawn.get(idx);
            List<Inspector> local = byDistrict.getOrDefault(e.district(), List.of());
            List<Inspector> suited = new ArrayList<>();
            for (Inspector i : local) if (i.suits(e.district(), e.segments())) suited.add(i);
            List<Inspector> free = new ArrayList<>();
            for (Inspector i : suited) if (!ties.tied(i.id(), e.uscc())) free.add(i);
            if (free.size() < perTask) {
                out[idx] = new Assignment(e, List.of(), String.format(
                        "no conflict-free team: district %s has %d inspector(s), %d in a unit for this enterprise, %d of them "
                                + "personally tied to it, %d left, %d needed", e.district(), local.size(), suited.size(),
                        suited.size() - free.size(), free.size(), perTask));
                continue;
            }
            // random keys first, then a stable sort by load: least-loaded first, ties broken at random
            Map<String, Long> key = new HashMap<>();
            for (Inspector i : free) key.put(i.id(), pick.nextLong());
            free.sort(Comparator.<Inspector>comparingInt(i -> load.getOrDefault(i.id(), 0)).thenComparing(i -> key.get(i.id())));
            List<String> team = new ArrayList<>(perTask);
            for (int k = 0; k < perTask; k++) {
                team.add(free.get(k).id());
                load.merge(free.get(k).id(), 1, Integer::sum);
            }
            team.sort(null);
            out[idx] = new Assignment(e, List.copyOf(team), null);
        }
        return List.of(out);
    }
}
