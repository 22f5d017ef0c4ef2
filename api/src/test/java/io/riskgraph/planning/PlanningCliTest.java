package io.riskgraph.planning;

import io.riskgraph.cli.CliRun;
import io.riskgraph.cli.Main;
import io.riskgraph.cypher.TestNeo4j;
import io.riskgraph.ingest.generator.CityGenerator;
import io.riskgraph.ingest.generator.GeneratorParams;
import io.riskgraph.progress.ProgressListener;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.neo4j.driver.Session;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * plan, verify-code, ingest closing tasks, export results and plan --simulate as a user runs them, on a generated
 * city (with its planted tied inspectors and ground truth) in a real Neo4j.
 */
class PlanningCliTest {
    static final int ENTERPRISES = 2_000;
    /** Periods to come, so that their codes have not expired whenever the test runs. */
    static final String NEXT = quarterFromNow(1), AFTER = quarterFromNow(2);
    static final String TODAY = java.time.LocalDate.now().toString();

    static String quarterFromNow(int quarters) {
        java.time.LocalDate d = java.time.LocalDate.now().plusMonths(3L * quarters);
        return d.getYear() + "-Q" + ((d.getMonthValue() - 1) / 3 + 1);
    }

    @TempDir
    static Path tmp;
    static Path city;

    static CliRun run(String... args) {
        return CliRun.onTestStore(tmp, args);
    }

    static CliRun ok(String... args) {
        CliRun r = run(args);
        assertThat(r.exit()).as(r.err() + r.out()).isZero();
        return r;
    }

    static long count(String cypher) {
        try (Session s = TestNeo4j.connection().driver().session()) {
            return s.run(cypher).single().get(0).asLong();
        }
    }

    static List<CSVRecord> csv(Path file) throws Exception {
        try (Reader r = Files.newBufferedReader(file)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
    }

    @BeforeAll
    static void load() throws Exception {
        city = tmp.resolve("city");
        new CityGenerator(GeneratorParams.of(ENTERPRISES, 5)).generate(city, ProgressListener.NONE);
        TestNeo4j.clear();
        ok("ingest", city.toString(), "--rejects", tmp.resolve("rejects.csv").toString());
        ok("analyze");
        ok("grade");
    }

    @Test
    void planStoresTasksWritesTheCsvAndNeverPicksAPlantedTiedInspector() throws Exception {
        Path out = tmp.resolve("plan.csv");
        CliRun plan = ok("plan", "--period", NEXT, "--seed", "11", "--ratios", "A=1,B=1,C=1,D=1", "--out", out.toString());
        assertThat(plan.out()).containsPattern("Plan PLAN-" + NEXT.replace("-", "") + "-[0-9a-f]{10} for " + NEXT + ": seed 11, ratios A=1,B=1,C=1,D=1")
                .containsPattern("Grade snapshot: [0-9,]+ graded open enterprises as of 20\\d\\d-\\d\\d-\\d\\d, sha256 [0-9a-f]{64}");
        assertThat(Files.readAllLines(out).getFirst()).isEqualTo("task_id,uscc,grade,inspectors,code");
        List<CSVRecord> rows = csv(out);
        assertThat(rows).isNotEmpty();
        assertThat(count("MATCH (t:InspectionTask {period: '" + NEXT + "'}) RETURN count(t)")).isEqualTo(rows.size());
        // every graded open firm is drawn, so every firm the generator tied to an inspector (its ground truth) is checked
        Map<String, String> tiedTo = new HashMap<>();
        for (CSVRecord r : csv(city.resolve(CityGenerator.TRUTH))) {
            if (!r.get("tied_inspector").isEmpty()) tiedTo.put(r.get("uscc"), r.get("tied_inspector"));
        }
        assertThat(tiedTo).isNotEmpty();
        int tiedFirmsDrawn = 0, assigned = 0;
        for (CSVRecord r : rows) {
            List<String> team = r.get("inspectors").isEmpty() ? List.of() : List.of(r.get("inspectors").split("\\|"));
            if (tiedTo.containsKey(r.get("uscc"))) tiedFirmsDrawn++;
            assertThat(team).as(r.toString()).doesNotContain(tiedTo.get(r.get("uscc")));
            if (!team.isEmpty()) {
                assigned++;
                assertThat(team).hasSizeGreaterThanOrEqualTo(2);
                assertThat(r.get("code")).startsWith("JC1.");
            } else {
                assertThat(plan.out()).contains("UNASSIGNED " + r.get("task_id") + " " + r.get("uscc"));
            }
        }
        assertThat(tiedFirmsDrawn).isPositive();
        // a small city has the minimum of 32 inspectors (2 per district): many firms lack two suitable free ones
        assertThat(assigned).isPositive();

        // the same draw again is refused, and nothing is written
        Path again = tmp.resolve("again.csv");
        CliRun dup = run("plan", "--period", NEXT, "--seed", "11", "--ratios", "A=1,B=1,C=1,D=1", "--out", again.toString());
        assertThat(dup.exit()).isEqualTo(Main.USAGE);
        assertThat(dup.err()).contains("exists already");
        assertThat(again).doesNotExist();
        assertThat(count("MATCH (t:InspectionTask {period: '" + NEXT + "'}) RETURN count(t)")).isEqualTo(rows.size());

        // verify-code: valid, then forged
        String code = rows.stream().filter(r -> !r.get("code").isEmpty()).findFirst().orElseThrow().get("code");
        assertThat(ok("verify-code", code).out()).startsWith("VALID inspection code: task PLAN-" + NEXT.replace("-", "") + "-");
        char last = code.charAt(code.length() - 1);
        CliRun forged = run("verify-code", code.substring(0, code.length() - 1) + (last == 'A' ? 'B' : 'A'));
        assertThat(forged.exit()).isEqualTo(Main.USAGE);
        assertThat(forged.err()).contains("INVALID inspection code (FORGED)");
    }

    @Test
    void anInspectionRowCarryingATaskCodeClosesItOnIngestAndFeedsTheResultsExport() throws Exception {
        Path out = tmp.resolve("q2.csv");
        ok("plan", "--period", AFTER, "--seed", "3", "--ratios", "A=0,B=0,C=0,D=0.2", "--out", out.toString());
        CSVRecord task = csv(out).stream().filter(r -> !r.get("code").isEmpty()).findFirst().orElseThrow();
        String uscc = task.get("uscc");
        Path back = Files.createDirectories(tmp.resolve("results"));
        List<String> enterprises = Files.readAllLines(city.resolve("enterprises.csv"));
        Files.write(back.resolve("enterprises.csv"), List.of(enterprises.getFirst(),
                enterprises.stream().filter(l -> l.startsWith(uscc + ",")).findFirst().orElseThrow()));
        Files.write(back.resolve("inspections.csv"), List.of("inspection_id,uscc,date,kind,inspectors,result,issues,rectified,code",
                "BACK-1," + uscc + "," + TODAY + ",DOUBLE_RANDOM," + task.get("inspectors") + ",ISSUES_FOUND,2,true," + task.get("code")));
        CliRun ingest = ok("ingest", back.toString(), "--rejects", tmp.resolve("rejects2.csv").toString());
        assertThat(ingest.out()).contains("Closed 1 inspection task(s) whose code came back");
        try (Session s = TestNeo4j.connection().driver().session()) {
            var t = s.run("MATCH (t:InspectionTask {id: $id}) RETURN t.status, t.result, t.issues, t.inspection_id",
                    Map.of("id", task.get("task_id"))).single();
            assertThat(t.get(0).asString()).isEqualTo("CLOSED");
            assertThat(t.get(1).asString()).isEqualTo("ISSUES_FOUND");
            assertThat(t.get(2).asInt()).isEqualTo(2);
            assertThat(t.get(3).asString()).isEqualTo("BACK-1");
            // re-graded with the new finding: the grade carries the as-of of the re-grade
            assertThat(s.run("MATCH (e:Enterprise {uscc: $u}) RETURN e.grade_as_of IS NOT NULL", Map.of("u", uscc))
                    .single().get(0).asBoolean()).isTrue();
        }
        CliRun used = run("verify-code", task.get("code"));
        assertThat(used.exit()).isEqualTo(Main.USAGE);
        assertThat(used.err()).contains("(USED)");
        // loading it again closes nothing more
        assertThat(ok("ingest", back.toString(), "--rejects", tmp.resolve("rejects3.csv").toString()).out()).doesNotContain("Closed");

        Path results = tmp.resolve("results.csv");
        ok("export", "results", "--period", AFTER, "--out", results.toString());
        List<String> lines = Files.readAllLines(results);
        assertThat(lines.getFirst()).isEqualTo("period,uscc,enterprise,date,result,issues");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).startsWith(AFTER + "," + uscc + ",").endsWith("," + TODAY + ",ISSUES_FOUND,2");
        assertThat(String.join("\n", lines)).doesNotContain("INSP");
    }

    @Test
    void simulateComparesWithUniformRandomAndWritesNothing() {
        long plans = count("MATCH (p:InspectionPlan) RETURN count(p)");
        CliRun sim = ok("plan", "--period", "2026-H2", "--seed", "1", "--simulate", "--truth", city.resolve(CityGenerator.TRUTH).toString());
        assertThat(sim.out()).contains("Simulation of period 2026-H2, ratios A=0.03,B=0.1,C=0.3,D=0.8, seed 1")
                .containsPattern("grade-weighted draw: [0-9,]+ inspections find [0-9,]+ violations")
                .containsPattern("uniform random needs [0-9,]+ inspections on average to find")
                .containsPattern("inspections saved at equal findings: \\d+\\.\\d %");
        assertThat(ok("plan", "--period", "2026-H2", "--seed", "1", "--simulate", "--truth",
                city.resolve(CityGenerator.TRUTH).toString()).out()).isEqualTo(sim.out());
        assertThat(count("MATCH (p:InspectionPlan) RETURN count(p)")).isEqualTo(plans);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
            "--period 2026-Q1 --ratios D=1.5; --ratios: D=1.5 is outside [0, 1]",
            "--period 2026-Q1 --ratios D=-0.5; --ratios: D=-0.5 is outside [0, 1]",
            "--period 2026-Q1 --ratios D:0.5; --ratios: 'D:0.5' is not GRADE=RATIO",
            "--period 2026-Q1 --ratios X=0.5; --ratios: 'X' is not a grade",
            "--period 2026-Q1 --segment BAKERY; unknown segment 'BAKERY'; segments: FOOD_PRODUCTION",
            "--period 2026-Q5; period '2026-Q5': quarter must be Q1 to Q4",
            "--period 2026-13; period '2026-13': month must be 01 to 12",
            "--period 2026-H3; period '2026-H3': half-year must be H1 or H2",
            "--period Q1-2026; period 'Q1-2026' must be YYYY-Qn",
            "--period 2026-Q1 --inspectors-per-task 1; inspectors per task must be from 2 to 10",
            "--period 2026-Q1 --simulate; --simulate needs --truth FILE",
            "--period 2026-Q1 --seed x; Invalid value for option '--seed'"})
    void badInputExitsTwoAndWritesNothing(String args, String message) {
        long tasks = count("MATCH (t:InspectionTask) RETURN count(t)");
        Path out = tmp.resolve("bad.csv");
        List<String> a = new ArrayList<>(List.of("plan"));
        a.addAll(List.of(args.split(" ")));
        a.addAll(List.of("--out", out.toString()));
        CliRun r = run(a.toArray(String[]::new));
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains(message);
        assertThat(out).doesNotExist();
        assertThat(count("MATCH (t:InspectionTask) RETURN count(t)")).isEqualTo(tasks);
    }

    @Test
    void badCodesAndPeriodsOfTheOtherCommandsExitTwo() {
        CliRun malformed = run("verify-code", "not-a-code");
        assertThat(malformed.exit()).isEqualTo(Main.USAGE);
        assertThat(malformed.err()).contains("(MALFORMED)");
        Path out = tmp.resolve("r.csv");
        CliRun export = run("export", "results", "--period", "2026-Q9", "--out", out.toString());
        assertThat(export.exit()).isEqualTo(Main.USAGE);
        assertThat(export.err()).contains("quarter must be Q1 to Q4");
        assertThat(out).doesNotExist();
    }
}
