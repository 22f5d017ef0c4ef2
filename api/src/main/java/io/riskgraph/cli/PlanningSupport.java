package io.riskgraph.cli;

import io.riskgraph.risk.grading.GraderParams;
import io.riskgraph.risk.grading.GradeWriter;
import io.riskgraph.risk.grading.GradingData;
import io.riskgraph.risk.grading.IncrementalGrader;
import io.riskgraph.risk.grading.ModelSet;
import io.riskgraph.risk.planning.InspectionCodes;
import io.riskgraph.risk.planning.Regrader;
import io.riskgraph.risk.planning.ResultLoop;
import io.riskgraph.workflow.WorkflowStores;
import io.riskgraph.model.id.IdKeys;
import io.riskgraph.progress.Cancellation;
import io.riskgraph.store.GraphStore;
import io.riskgraph.workflow.InspectionTask;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** What the planning commands, ingest and the server share: the code key, re-grading, closing returned tasks. */
public final class PlanningSupport {
    private PlanningSupport() {}

    /** The inspection-code signing key: beside the ID hashing key (the store folder, or ~/.riskgraph with --uri). */
    static Path codeKeyFile(StoreOptions o) {
        return o.idKeyFile().toAbsolutePath().resolveSibling(InspectionCodes.KEY_FILE);
    }

    static InspectionCodes codes(StoreOptions o) {
        return new InspectionCodes(IdKeys.loadOrCreate(codeKeyFile(o)));
    }

    /** Re-grades enterprises with the shipped models: see {@link HeldRegrader}. */
    public static Regrader regrader(GraphStore store) {
        return new HeldRegrader(store, ModelSet.shipped());
    }

    /** Re-grades enterprises with the store's active model (a learned one, or the shipped scorecards). */
    public static Regrader regrader(StoreOptions.OpenStore open) {
        return new HeldRegrader(open.store(), GradingOptions.activeModel(open.options()));
    }

    /**
     * Re-grades enterprises after new events about them. The first call reads and grades the city
     * ({@link IncrementalGrader#open}, the cost of a full grade, on the latest event day) and writes the named firms;
     * later calls re-grade only what their new events reach and write the firms whose results changed and the named
     * ones. It reads the city again when a call cannot be incremental: an event dated after the grading day (every
     * window moves), a firm that was not in the city, or a store whose enterprises, persons, inspectors, roles or
     * links changed, or that gained events besides those the re-grade read (another process's ingest).
     */
    static final class HeldRegrader implements Regrader {
        private static final List<String> ENTITIES = List.of("Enterprise", "Person", "Inspector");
        private final GraphStore store;
        private final io.riskgraph.risk.grading.RiskModel models;
        private IncrementalGrader grader;
        private List<Long> fingerprint;
        private int opens;

        HeldRegrader(GraphStore store, io.riskgraph.risk.grading.RiskModel models) {
            this.store = store;
            this.models = models;
        }

        @Override
        public synchronized void regrade(Collection<String> usccs) {
            if (usccs.isEmpty()) return;
            Set<String> keys = new java.util.LinkedHashSet<>(usccs);
            if (grader != null) {
                try {
                    List<Long> before = fingerprint;
                    IncrementalGrader.Result r = grader.regrade(store, keys);
                    List<Long> now = fingerprint();
                    List<Long> expected = new java.util.ArrayList<>(before);
                    expected.set(expected.size() - 1, before.getLast() + r.newEvents());
                    if (now.equals(expected)) {
                        fingerprint = now;
                        write(keys);
                        return;
                    }
                } catch (IncrementalGrader.LaterDayException | IllegalArgumentException e) {
                    // read the city again, below
                } catch (RuntimeException e) {
                    grader = null; // it may hold half of the re-grade
                    throw e;
                }
            }
            grader = null;
            fingerprint = fingerprint();
            grader = IncrementalGrader.open(store, models, GraderParams.DEFAULT, null, new Cancellation());
            opens++;
            write(keys);
        }

        /** How often the city was read (for the tests). */
        synchronized int opens() { return opens; }

        private void write(Set<String> keys) {
            String[] uscc = grader.context().data.uscc;
            int[] which = java.util.stream.IntStream.range(0, uscc.length).filter(e -> keys.contains(uscc[e])).toArray();
            GradeWriter.write(store, grader.context(), grader.grades(), which);
        }

        /** The counts a re-grade keeps (entities, then role and link types), then the number of events. */
        private List<Long> fingerprint() {
            io.riskgraph.store.GraphCounts c = store.counts();
            List<Long> out = new java.util.ArrayList<>();
            for (String label : ENTITIES) out.add(c.nodes(label));
            for (String type : GradingData.ROLE_TYPES) out.add(c.relationships(type));
            for (String type : GradingData.LINK_TYPES) out.add(c.relationships(type));
            long events = 0;
            for (String label : GradingData.EVENT_LABELS) events += c.nodes(label);
            out.add(events);
            return List.copyOf(out);
        }
    }

    /** Whether the store holds any inspection task (so that ingest skips the workflow repositories otherwise). */
    static boolean hasTasks(GraphStore store) {
        return store.counts().nodes("InspectionTask") > 0;
    }

    /** After an ingest: closes the open tasks whose codes came back on inspections rows, and re-grades their firms. */
    static List<InspectionTask> closeReturned(StoreOptions.OpenStore open, PrintWriter out) {
        if (!hasTasks(open.store())) return List.of();
        {
            WorkflowStores w = open.workflow();
            List<InspectionTask> closed = new ResultLoop(w.inspectionPlans(), regrader(open)).closeReturned(Instant.now());
            if (!closed.isEmpty()) {
                out.printf("Closed %,d inspection task(s) whose code came back on an inspection; their enterprises were "
                        + "re-graded%n", closed.size());
            }
            return closed;
        }
    }
}
