package io.riskgraph.cli;

import io.riskgraph.risk.planning.GradeSnapshot;
import io.riskgraph.risk.planning.InspectionCodes;
import io.riskgraph.risk.planning.Inspector;
import io.riskgraph.risk.planning.Period;
import io.riskgraph.risk.planning.PlanParams;
import io.riskgraph.risk.planning.Planner;
import io.riskgraph.risk.planning.SamplingRatios;
import io.riskgraph.risk.planning.Simulation;
import io.riskgraph.risk.planning.TieParams;
import io.riskgraph.risk.planning.Ties;
import io.riskgraph.workflow.WorkflowStores;
import io.riskgraph.workflow.InspectionTask;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Draw a credit-weighted \"double random\" inspection plan for a period: per grade a share of the",
                "graded open enterprises (--ratios), each with a team of inspectors from its district and a suitable unit,",
                "none personally tied to it, and a signed inspection code. Stores the plan and its tasks (seed, ratios and",
                "a hash of the grade snapshot recorded for audit); --out writes task_id,uscc,grade,inspectors,code.",
                "--simulate --truth FILE compares the draw with uniform random selection instead (nothing is written).",
                "See docs/planning.md."})
final class PlanCommand implements Callable<Integer> {
    static final String[] CSV_HEADER = {"task_id", "uscc", "grade", "inspectors", "code"};

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--period", required = true, paramLabel = "PERIOD",
            description = "2026-Q1 (quarter), 2026-03 (month) or 2026-H1 (half-year).")
    String period;

    @Option(names = "--segment", paramLabel = "SEGMENT", description = "Draw only from this segment, e.g. CATERING.")
    String segment;

    @Option(names = "--ratios", paramLabel = "A=r,B=r,C=r,D=r",
            description = "Share drawn per grade, each in [0, 1]; grades left out keep the default (default: A="
                    + SamplingRatios.RATIO_A_DEFAULT + ",B=" + SamplingRatios.RATIO_B_DEFAULT + ",C="
                    + SamplingRatios.RATIO_C_DEFAULT + ",D=" + SamplingRatios.RATIO_D_DEFAULT + ").")
    String ratios;

    @Option(names = "--seed", paramLabel = "N", description = "Random seed (default: a fresh one, printed and recorded).")
    Long seed;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the tasks as CSV.")
    Path out;

    @Option(names = "--qr", paramLabel = "DIR",
            description = "Also write each task's code as a QR image DIR/TASK_ID.png pointing at the public scan-check page.")
    Path qr;

    @Option(names = "--verify-url", paramLabel = "URL", defaultValue = QrCodes.VERIFY_URL_DEFAULT,
            description = "Where the scan-check page is served, for --qr (default: ${DEFAULT-VALUE}); the QR holds URL/verify/CODE.")
    String verifyUrl;

    @Option(names = "--inspectors-per-task", defaultValue = "" + PlanParams.INSPECTORS_PER_TASK_DEFAULT,
            description = "Inspectors per task, at least 2 (default: ${DEFAULT-VALUE}).")
    int perTask;

    @Option(names = "--tie-hops", defaultValue = "" + TieParams.HOPS_DEFAULT,
            description = "A tie is a path of at most this many relationships from the inspector's person to the "
                    + "enterprise over roles, addresses, phones and investment/branch/guarantee links (default: ${DEFAULT-VALUE}).")
    int tieHops;

    @Option(names = "--code-grace-days", defaultValue = "" + PlanParams.CODE_GRACE_DAYS_DEFAULT,
            description = "Days after the period's end that codes stay valid (default: ${DEFAULT-VALUE}).")
    int graceDays;

    @Option(names = "--simulate", description = "Compare with uniform random selection on known outcomes; writes nothing.")
    boolean simulate;

    @Option(names = "--truth", paramLabel = "FILE",
            description = "Known outcomes for --simulate: the generator's truth.csv or uscc,label.")
    Path truth;

    @Override
    public Integer call() throws IOException {
        PrintWriter w = spec.commandLine().getOut();
        // every argument is checked before the database starts
        SamplingRatios r = ratios == null ? SamplingRatios.DEFAULT : SamplingRatios.parse(ratios);
        long s = seed != null ? seed : new SecureRandom().nextLong();
        PlanParams params = new PlanParams(Period.parse(period), segment, r, s, perTask,
                new TieParams(tieHops, TieParams.MAX_DEGREE_DEFAULT), graceDays);
        if (simulate) return simulate(w, params);
        if (truth != null) throw new IllegalArgumentException("--truth goes with --simulate");
        if (out != null) {
            if (Files.isDirectory(out)) throw new IllegalArgumentException("--out " + out + " is a folder");
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) throw new IllegalArgumentException("--out: folder " + parent + " does not exist");
        }
        String verifyBase = QrCodes.checkBase(verifyUrl);
        if (qr != null && Files.exists(qr) && !Files.isDirectory(qr)) throw new IllegalArgumentException("--qr " + qr + " is a file, not a folder");
        InspectionCodes codes = PlanningSupport.codes(storeOptions);
        try (StoreOptions.OpenStore open = storeOptions.open()) {
            WorkflowStores workflow = open.workflow();
            GradeSnapshot snapshot = snapshot(open, params);
            List<Inspector> inspectors = Inspector.read(open.store());
            long t = System.nanoTime();
            Ties ties = Ties.read(open.store(), inspectors, params.ties());
            long tieMs = (System.nanoTime() - t) / 1_000_000;
            Planner.PlanResult plan = Planner.plan(snapshot, inspectors, ties, params, codes, Instant.now());
            if (workflow.inspectionPlans().planExists(plan.plan().planId())) {
                throw new IllegalArgumentException("plan " + plan.plan().planId() + " exists already (same period, segment, "
                        + "seed, ratios and grades); use another --seed for a new draw");
            }
            Path tmp = out == null ? null : out.toAbsolutePath().resolveSibling(out.getFileName() + ".partial");
            try {
                if (tmp != null) writeCsv(tmp, plan.tasks());
                workflow.inspectionPlans().save(plan.plan(), plan.tasks());
                if (tmp != null) Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                if (tmp != null) Files.deleteIfExists(tmp);
            }
            report(w, plan, snapshot, inspectors.size(), ties, tieMs);
            if (qr != null) {
                int n = QrCodes.write(qr, verifyBase, plan.tasks());
                w.printf("Wrote %,d QR images to %s (each opens %s/verify/CODE)%n", n, qr, verifyBase.replaceAll("/$", ""));
            }
        }
        return Main.OK;
    }

    private GradeSnapshot snapshot(StoreOptions.OpenStore open, PlanParams params) {
        GradeSnapshot snapshot = GradeSnapshot.read(open.store(), params.segment());
        if (snapshot.entries().isEmpty()) {
            throw new IllegalArgumentException(params.segment() == null
                    ? "no graded open enterprise in the store; run 'riskgraph grade' first"
                    : "no graded open enterprise in segment " + params.segment() + "; run 'riskgraph grade' first or pick another segment");
        }
        return snapshot;
    }

    private Integer simulate(PrintWriter w, PlanParams params) throws IOException {
        if (truth == null) throw new IllegalArgumentException("--simulate needs --truth FILE (e.g. city/truth.csv)");
        if (out != null) throw new IllegalArgumentException("--simulate writes nothing; leave out --out");
        Map<String, Boolean> known = TruthFile.read(truth);
        try (StoreOptions.OpenStore open = storeOptions.open()) {
            GradeSnapshot snapshot = snapshot(open, params);
            Simulation.Result res = Simulation.run(snapshot, known, params.ratios(), params.seed());
            w.printf("Simulation of period %s, ratios %s, seed %d, over %,d graded open enterprises with known outcome "
                    + "(%,d without one left out); %,d in violation (base rate %.2f %%)%n", params.period(),
                    params.ratios().text(), params.seed(), res.enterprises(), res.withoutTruth(), res.violations(),
                    100.0 * res.violations() / res.enterprises());
            w.printf("%-5s %12s %12s %10s %12s %10s%n", "grade", "enterprises", "violations", "drawn", "found", "hit rate");
            for (Simulation.GradeRow g : res.grades()) {
                w.printf("%-5s %,12d %,12d %,10d %,12d %9.1f %%%n", g.grade(), g.enterprises(), g.violations(), g.drawn(),
                        g.found(), g.drawn() == 0 ? 0.0 : 100.0 * g.found() / g.drawn());
            }
            w.printf("grade-weighted draw: %,d inspections find %,d violations (%.1f %% of all)%n", res.planned(),
                    res.plannedFound(), 100.0 * res.plannedFound() / Math.max(1, res.violations()));
            w.printf("uniform random, same budget: finds %,d (seeded draw; %.0f on average)%n", res.uniformFound(),
                    res.uniformExpected());
            w.printf("uniform random needs %,d inspections on average to find %,d (the seeded order needed %,d)%n",
                    res.uniformBudget(), res.plannedFound(), res.uniformBudgetDrawn());
            w.printf("inspections saved at equal findings: %.1f %% (target >= 60 %%)%n", 100 * res.reduction());
        }
        return Main.OK;
    }

    static void writeCsv(Path file, List<InspectionTask> tasks) throws IOException {
        try (Writer wr = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(wr, CSVFormat.RFC4180.builder().setHeader(CSV_HEADER).get())) {
            for (InspectionTask t : tasks) {
                csv.printRecord(t.taskId(), t.uscc(), t.grade(), String.join("|", t.inspectors()), t.code() == null ? "" : t.code());
            }
        }
    }

    private void report(PrintWriter w, Planner.PlanResult plan, GradeSnapshot snapshot, int inspectors, Ties ties, long tieMs) {
        var p = plan.plan();
        w.printf("Plan %s for %s%s: seed %d, ratios %s%n", p.planId(), p.period(),
                p.segment() == null ? "" : " (segment " + p.segment() + ")", p.seed(), p.ratios());
        w.printf("Grade snapshot: %,d graded open enterprises as of %s, sha256 %s%n", p.eligible(),
                p.gradesAsOf() == null ? "unknown" : p.gradesAsOf(), p.snapshotHash());
        int[] n = snapshot.counts();
        int[] drawn = new int[4];
        plan.tasks().forEach(t -> drawn[t.grade().charAt(0) - 'A']++);
        for (int g = 0; g < 4; g++) w.printf("  %c  %,9d enterprises  %,8d drawn%n", (char) ('A' + g), n[g], drawn[g]);
        w.printf("Inspectors: %,d; %,d personal ties found in %,d ms; %,d tasks, %,d with a conflict-free team%n", inspectors,
                ties.size(), tieMs, p.tasks(), p.tasks() - p.unassigned());
        for (InspectionTask t : plan.unassigned()) {
            w.printf("UNASSIGNED %s %s (grade %s): %s%n", t.taskId(), t.uscc(), t.grade(), t.unassignedReason());
        }
        if (out != null) w.printf("Wrote %,d tasks to %s%n", plan.tasks().size(), out);
        if (plan.tasks().stream().anyMatch(t -> t.codeExpires() != null && t.codeExpires().isBefore(java.time.LocalDate.now()))) {
            w.println("Note: the codes of this plan have expired already (valid until the period's end + --code-grace-days)");
        }
    }
}
