package io.riskgraph.cli;

import io.riskgraph.algorithms.grading.Grader;
import io.riskgraph.algorithms.grading.GraderParams;
import io.riskgraph.algorithms.grading.GradeWriter;
import io.riskgraph.algorithms.grading.IndicatorContext;
import io.riskgraph.algorithms.grading.ModelSet;
import io.riskgraph.algorithms.planning.InspectionCodes;
import io.riskgraph.algorithms.planning.Regrader;
import io.riskgraph.algorithms.planning.ResultLoop;
import io.riskgraph.cypher.workflow.WorkflowRepositories;
import io.riskgraph.model.id.IdKeys;
import io.riskgraph.store.GraphStore;
import io.riskgraph.workflow.InspectionTask;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
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

    /**
     * Re-grades enterprises with the shipped models through the full grading path (grading needs the city-wide
     * statistics and the related firms' first-pass scores) and writes only theirs back. A one-off command reads the
     * city once either way; a long-running process could keep an IncrementalGrader instead.
     */
    public static Regrader regrader(GraphStore store) {
        return usccs -> regrade(store, ModelSet.shipped(), usccs);
    }

    static void regrade(GraphStore store, ModelSet models, Collection<String> usccs) {
        if (usccs.isEmpty()) return;
        IndicatorContext ctx = GradingOptions.context(store, null);
        Grader.Grades g = Grader.grade(ctx, models, GraderParams.DEFAULT);
        Set<String> wanted = new HashSet<>(usccs);
        int[] which = java.util.stream.IntStream.range(0, ctx.n).filter(e -> wanted.contains(ctx.data.uscc[e])).toArray();
        GradeWriter.write(store, ctx, g, which);
    }

    /** Whether the store holds any inspection task (so that ingest skips the workflow context otherwise). */
    static boolean hasTasks(Driver driver) {
        try (Session s = driver.session()) {
            return s.run("MATCH (t:InspectionTask) RETURN count(t) > 0 AS any").single().get(0).asBoolean();
        }
    }

    /** After an ingest: closes the open tasks whose codes came back on inspections rows, and re-grades their firms. */
    static List<InspectionTask> closeReturned(StoreOptions.OpenStore open, PrintWriter out) {
        if (!hasTasks(open.connection().driver())) return List.of();
        try (WorkflowRepositories w = WorkflowRepositories.open(open.connection().driver())) {
            List<InspectionTask> closed = new ResultLoop(w.inspectionPlans(), regrader(open.store())).closeReturned(Instant.now());
            if (!closed.isEmpty()) {
                out.printf("Closed %,d inspection task(s) whose code came back on an inspection; their enterprises were "
                        + "re-graded%n", closed.size());
            }
            return closed;
        }
    }
}
