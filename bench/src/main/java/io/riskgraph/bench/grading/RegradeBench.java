package io.riskgraph.bench.grading;

import io.riskgraph.risk.grading.*;
import io.riskgraph.cypher.Neo4jConnection;
import io.riskgraph.cypher.Neo4jGraphStore;
import io.riskgraph.progress.Cancellation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Times the in-memory part of an incremental re-grade ({@link IncrementalGrader#apply}: patch the data, recompute
 * what the event reaches, re-score, diff) after one new event at a random firm, event kinds in turn, without the
 * targeted reads and writes (which depend on the store, not on the city's size). The city is a store folder read
 * once ({@code store=DIR}) or a generated one of any size ({@code synthetic=N}, {@link SyntheticGradingStore});
 * graded with the shipped general and 16 professional models. Arguments: {@code store=DIR | synthetic=N},
 * {@code events=K} (default 18), {@code seed=S}, {@code verify=false} to skip the closing comparison with a fresh full
 * grade (a second graded city in memory). It lives in the grading package for that package-private entry.
 */
public final class RegradeBench {
    static final List<String> KINDS = List.of("failed sample", "inspection with issues", "penalty", "verified complaint",
            "open alert", "court record on the principal");

    /** The grading thread's CPU time: the machine is shared, so wall time includes waiting for a core. */
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    private RegradeBench() {}

    public static void main(String[] args) {
        Map<String, String> a = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq < 0) throw new IllegalArgumentException("arguments are key=value, got " + arg);
            a.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        int events = Integer.parseInt(a.getOrDefault("events", "18"));
        SplittableRandom rnd = new SplittableRandom(Long.parseLong(a.getOrDefault("seed", "1")));
        long t = System.nanoTime();
        GradingData data;
        if (a.containsKey("store") && Boolean.parseBoolean(a.getOrDefault("e2e", "false"))) {
            // models=DIR: the registry's active model (a learned one re-scores as an overlay); else the shipped scorecards
            io.riskgraph.risk.grading.RiskModel model = a.containsKey("models")
                    ? new io.riskgraph.risk.learning.ModelRegistry(Path.of(a.get("models"))).active(ModelSet.shipped())
                    : ModelSet.shipped();
            endToEnd(Path.of(a.get("store")), model, events, rnd);
            return;
        }
        if (a.containsKey("store")) {
            try (Neo4jConnection c = Neo4jConnection.embedded(Path.of(a.get("store")))) {
                data = GradingData.read(new Neo4jGraphStore(c.driver()), Cancellation.NEVER);
            }
        } else {
            data = GradingData.read(new SyntheticGradingStore(Integer.parseInt(a.getOrDefault("synthetic", "100000"))),
                    Cancellation.NEVER);
        }
        System.out.printf(Locale.ROOT, "read %,d enterprises, %,d roles in %,d ms%n", data.enterpriseCount(),
                data.rolePerson.length, (System.nanoTime() - t) / 1_000_000);
        java.time.LocalDate asOf = data.latestEventDay();
        t = System.nanoTime();
        IncrementalGrader g = new IncrementalGrader(data, ModelSet.shipped(), GraderParams.DEFAULT, asOf);
        // models=DIR: the registry's active model re-grades as an overlay on the scorecards (a learned model)
        io.riskgraph.risk.grading.RiskModel model = a.containsKey("models")
                ? new io.riskgraph.risk.learning.ModelRegistry(Path.of(a.get("models"))).active(ModelSet.shipped())
                : ModelSet.shipped();
        if (model instanceof IncrementalGrader.Overlay o) g.withOverlay(o);
        System.out.printf(Locale.ROOT, "graded in memory with %s (open) in %,d ms%n", model.name(), (System.nanoTime() - t) / 1_000_000);
        long nextId = Long.MAX_VALUE / 2;
        List<Long> all = new ArrayList<>(), allCpu = new ArrayList<>();
        Map<String, List<Long>> byKind = new HashMap<>();
        for (int k = 0; k < events; k++) {
            String kind = KINDS.get(k % KINDS.size());
            int firm = rnd.nextInt(data.enterpriseCount());
            List<GradingData.NewEvents> added = event(g.context(), k % KINDS.size(), firm, nextId++);
            if (added == null) {
                k--;
                continue;
            }
            long cpu = THREADS.getCurrentThreadCpuTime(), wall = System.nanoTime();
            int[] changed = g.apply(added, false, Set.of(firm));
            cpu = (THREADS.getCurrentThreadCpuTime() - cpu) / 1_000_000;
            IncrementalGrader.Update u = g.lastUpdate();
            long ms = (System.nanoTime() - wall) / 1_000_000; // all of apply, the overlay's re-score included
            all.add(ms);
            allCpu.add(cpu);
            byKind.computeIfAbsent(kind, x -> new ArrayList<>()).add(ms);
            System.out.printf(Locale.ROOT, "  %-30s firm %8d: %,6d ms wall, %,6d ms CPU (%,d ms wall recomputing %d indicators), %d firms re-scored%s, %d changed%n",
                    kind, firm, ms, cpu, u.recomputeNanos() / 1_000_000, u.recomputed(), u.rescored(), u.fullRescore() ? " (usual moved: all)" : "", changed.length);
        }
        if (Boolean.parseBoolean(a.getOrDefault("verify", "true"))) {
            // the held grades after all the events against a fresh full grade of the same data
            IndicatorContext fresh = new IndicatorContext(g.context().data, asOf);
            Grader.Grades full = model instanceof IncrementalGrader.Overlay o ? o.grade(fresh, GraderParams.DEFAULT)
                    : Grader.grade(fresh, ModelSet.shipped(), GraderParams.DEFAULT);
            int differ = 0;
            for (int i = 0; i < fresh.n; i++) {
                if (full.score()[i] != g.grades().score()[i] || full.grade()[i] != g.grades().grade()[i]
                        || !full.modelName()[i].equals(g.grades().modelName()[i]) || !full.reasons().get(i).equals(g.grades().reasons().get(i))) {
                    if (differ++ < 5) System.out.printf(Locale.ROOT, "  firm %d: held %s %s %s, fresh %s %s %s%n", i,
                            g.grades().score()[i], g.grades().grade()[i], g.grades().reasons().get(i),
                            full.score()[i], full.grade()[i], full.reasons().get(i));
                }
            }
            System.out.printf(Locale.ROOT, "firms whose held grade differs from a fresh full grade after the events: %,d%n", differ);
        }
        for (String kind : KINDS) if (byKind.containsKey(kind)) System.out.printf(Locale.ROOT, "median %-30s %,d ms%n", kind, median(byKind.get(kind)));
        System.out.printf(Locale.ROOT, "median of %d events: %,d ms wall, %,d ms CPU of the grading thread%n", all.size(),
                median(all), median(allCpu));
    }

    /** Event kinds stored by {@link #endToEnd}: label, relationship to the firm, properties (the spec's names). */
    static final List<Object[]> STORED = List.of(
            new Object[]{"failed sample", "Sample", "SAMPLED_AT", "date", Map.of("result", "FAIL", "failed_items", "microbial:coliforms")},
            new Object[]{"inspection with issues", "Inspection", "INSPECTED", "date", Map.of("result", "ISSUES_FOUND", "issues", 2L, "rectified", false, "kind", "ROUTINE")},
            new Object[]{"penalty", "Penalty", "IMPOSED_ON", "date", Map.of("kind", "FINE", "amount", 5000.0)},
            new Object[]{"verified complaint", "Complaint", "COMPLAINS_ABOUT", "date", Map.of("verified", true)},
            new Object[]{"open alert", "Alert", "RAISED_AT", "time", Map.of("kind", "RODENT", "status", "OPEN")});

    /**
     * The whole {@link IncrementalGrader#regrade} per event on a store: each event is written to the store first
     * (a new node of the kind, dated the as-of day, linked to a random firm), then the re-grade reads it back with
     * the firm's state, re-grades and writes the changed firms. The store keeps the events.
     */
    static void endToEnd(Path storeDir, io.riskgraph.risk.grading.RiskModel model, int events, SplittableRandom rnd) {
        try (Neo4jConnection c = Neo4jConnection.embedded(storeDir)) {
            Neo4jGraphStore store = new Neo4jGraphStore(c.driver());
            long t = System.nanoTime();
            IncrementalGrader g = IncrementalGrader.open(store, model, GraderParams.DEFAULT, null, Cancellation.NEVER);
            System.out.printf(Locale.ROOT, "opened (read and graded in memory with %s) in %,d ms%n", model.name(),
                    (System.nanoTime() - t) / 1_000_000);
            String[] uscc = g.context().data.uscc;
            java.time.LocalDate day = g.context().asOf;
            List<Long> totals = new ArrayList<>();
            for (int k = 0; k < events; k++) {
                Object[] kind = STORED.get(k % STORED.size());
                String firm = uscc[rnd.nextInt(uscc.length)];
                Map<String, Object> props = new HashMap<>((Map<String, Object>) kind[4]);
                props.put("id", "bench-" + System.nanoTime());
                props.put((String) kind[3], kind[3].equals("time") ? day.atTime(12, 0) : day);
                try (org.neo4j.driver.Session session = c.driver().session()) {
                    session.executeWrite(tx -> tx.run("MATCH (e:Enterprise {uscc: $uscc}) CREATE (x:" + kind[1] + ")-[:"
                            + kind[2] + "]->(e) SET x = $props", Map.of("uscc", firm, "props", props)).consume());
                }
                IncrementalGrader.Result r = g.regrade(store, Set.of(firm));
                totals.add(r.totalMillis());
                System.out.printf(Locale.ROOT, "  %-24s %s: %,5d ms (read %,d, grade %,d, write %,d), %d new event(s), %d firms changed%n",
                        kind[0], firm, r.totalMillis(), r.readMillis(), r.gradeMillis(), r.writeMillis(), r.newEvents(),
                        r.changed().size());
            }
            System.out.printf(Locale.ROOT, "median of %d events, end to end: %,d ms (max %,d ms)%n", totals.size(), median(totals),
                    totals.stream().mapToLong(Long::longValue).max().orElse(0));
        }
    }

    private static long median(List<Long> xs) {
        long[] s = xs.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    /** One new event of the kind at the firm, dated the as-of day; null when the firm has no principal (court). */
    static List<GradingData.NewEvents> event(IndicatorContext ctx, int kind, int firm, long id) {
        GradingData d = ctx.data;
        int family;
        Map<String, Object> props = new HashMap<>();
        int person = -1;
        switch (kind) {
            case 0 -> { family = 1; props.put("result", "FAIL"); props.put("failed_items", "MICROBIAL:COLIFORMS"); }
            case 1 -> { family = 0; props.put("result", "ISSUES_FOUND"); props.put("issues", 2L); props.put("rectified", "FALSE"); props.put("kind", "ROUTINE"); }
            case 2 -> { family = 2; props.put("kind", "FINE"); props.put("amount", 5000.0); }
            case 3 -> { family = 3; props.put("verified", "TRUE"); }
            case 4 -> { family = 5; props.put("kind", "RODENT"); props.put("status", "OPEN"); }
            default -> {
                family = 4;
                props.put("kind", "DISHONEST_EXECUTEE");
                props.put("status", "ACTIVE");
                for (int r = 0; r < d.rolePerson.length && person < 0; r++) if (d.roleEnt[r] == firm && ctx.isPrincipal(r)) person = d.rolePerson[r];
                if (person < 0) return null;
            }
        }
        return d.oneEvent(family, id, ctx.asOfDay, props, person >= 0 ? -1 : firm, -1, person);
    }
}

