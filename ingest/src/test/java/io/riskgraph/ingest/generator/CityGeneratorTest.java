package io.riskgraph.ingest.generator;

import io.riskgraph.model.EnterpriseStatus;
import io.riskgraph.model.EnterpriseType;
import io.riskgraph.model.EventKinds;
import io.riskgraph.model.Role;
import io.riskgraph.model.Segment;
import io.riskgraph.model.id.ResidentId;
import io.riskgraph.model.id.Uscc;
import io.riskgraph.progress.Cancellation;
import io.riskgraph.progress.ProgressListener;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;

import static io.riskgraph.ingest.generator.Learnability.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CityGeneratorTest {
    static final int N = 20_000;
    @TempDir static Path shared;
    static Path city;
    static GeneratorSummary summary;

    @BeforeAll
    static void generateCity() {
        city = shared.resolve("city");
        summary = new CityGenerator(GeneratorParams.of(N, 42)).generate(city, ProgressListener.NONE);
    }

    // ------------------------------------------------------------------ determinism
    @Test
    void sameSeedGivesByteIdenticalFilesAndAnotherSeedDiffers(@TempDir Path tmp) throws IOException {
        GeneratorParams params = GeneratorParams.of(3_000, 7);
        new CityGenerator(params).generate(tmp.resolve("a"), ProgressListener.NONE);
        new CityGenerator(params).generate(tmp.resolve("b"), ProgressListener.NONE);
        new CityGenerator(params.withSeed(8)).generate(tmp.resolve("c"), ProgressListener.NONE);
        List<String> files = fileNames(tmp.resolve("a"));
        assertThat(files).containsExactlyInAnyOrderElementsOf(allFiles());
        for (String f : files) {
            assertThat(Files.readAllBytes(tmp.resolve("b").resolve(f)))
                    .as(f).isEqualTo(Files.readAllBytes(tmp.resolve("a").resolve(f)));
            assertThat(Files.readAllBytes(tmp.resolve("c").resolve(f)))
                    .as(f + " with another seed").isNotEqualTo(Files.readAllBytes(tmp.resolve("a").resolve(f)));
        }
    }

    static List<String> allFiles() {
        List<String> all = new ArrayList<>(CityGenerator.HEADERS.keySet());
        all.add(CityGenerator.TRUTH);
        return all;
    }

    static List<String> fileNames(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    // ------------------------------------------------------------------ identifiers
    @Test
    void everyUsccAndIdNumberIsValidAndUnique() throws IOException {
        checkIdentifiers(city, N);
    }

    /** Every USCC and ID number valid, USCCs and person ids unique; shared with MechanicsTest. */
    static void checkIdentifiers(Path city, int n) throws IOException {
        Set<String> usccs = new HashSet<>();
        read(city.resolve(CityGenerator.ENTERPRISES), r -> {
            String u = r.get("uscc");
            assertThat(Uscc.check(u).isValid()).as(u).isTrue();
            assertThat(usccs.add(u)).as("duplicate " + u).isTrue();
            assertThat(u.charAt(0)).isEqualTo('9');
            assertThat(u.substring(2, 6)).isEqualTo("3101");
            assertThat(Vocab.DISTRICT_CODES).contains(u.substring(2, 8));
            int d = Arrays.asList(Vocab.DISTRICTS).indexOf(r.get("district"));
            assertThat(u.substring(2, 8)).isEqualTo(Vocab.DISTRICT_CODES[d]);
            assertThat(CityGenerator.City.orgCheck(u, 8)).isEqualTo(u.charAt(16));
            if (r.get("type").equals("INDIVIDUAL_BUSINESS")) assertThat(u.charAt(1)).isEqualTo('2');
        });
        assertThat(usccs).hasSize(n);
        int[] withId = {0}, total = {0};
        Set<String> ids = new HashSet<>();
        read(city.resolve(CityGenerator.PERSONS), r -> {
            total[0]++;
            assertThat(ids.add(r.get("person_id"))).isTrue();
            String id = r.get("id_number");
            if (!id.isEmpty()) {
                withId[0]++;
                assertThat(ResidentId.check(id).isValid()).isTrue();
            }
        });
        assertThat((double) withId[0] / total[0]).isBetween(0.75, 0.9);
    }

    // ------------------------------------------------------------------ contract
    @Test
    void headersAndValuesFollowTheDataContract() throws IOException {
        checkContract(city, summary);
    }

    /** Headers, enum values, dates, shares and formats as the data contract says; shared with MechanicsTest. */
    static void checkContract(Path city, GeneratorSummary summary) throws IOException {
        for (var e : CityGenerator.HEADERS.entrySet()) {
            String first = Files.newBufferedReader(city.resolve(e.getKey())).readLine();
            assertThat(first).as(e.getKey()).isEqualTo(String.join(",", e.getValue()));
        }
        assertThat(Files.newBufferedReader(city.resolve(CityGenerator.TRUTH)).readLine())
                .isEqualTo(String.join(",", CityGenerator.TRUTH_HEADER));
        checkEnums(city, CityGenerator.ENTERPRISES, Map.of("type", EnterpriseType.class, "status", EnterpriseStatus.class));
        checkEnums(city, CityGenerator.ROLES, Map.of("role", Role.class));
        checkEnums(city, CityGenerator.LINKS, Map.of("kind", io.riskgraph.model.LinkKind.class));
        checkEnums(city, CityGenerator.INSPECTIONS, Map.of("kind", EventKinds.InspectionKind.class,
                "result", EventKinds.InspectionResult.class));
        checkEnums(city, CityGenerator.SAMPLES, Map.of("result", EventKinds.SampleResult.class));
        checkEnums(city, CityGenerator.PENALTIES, Map.of("kind", EventKinds.PenaltyKind.class,
                "leniency", EventKinds.Leniency.class));
        checkEnums(city, CityGenerator.COURT_RECORDS, Map.of("subject_type", EventKinds.SubjectType.class,
                "kind", EventKinds.CourtKind.class, "role", EventKinds.CourtRole.class,
                "outcome", EventKinds.CourtOutcome.class, "court_level", EventKinds.CourtLevel.class,
                "status", EventKinds.CourtStatus.class));
        checkEnums(city, CityGenerator.ALERTS, Map.of("kind", EventKinds.AlertKind.class, "status", EventKinds.AlertStatus.class));
        LocalDate start = GeneratorParams.defaults().windowStart(), end = GeneratorParams.DEFAULT_WINDOW_END;
        read(city.resolve(CityGenerator.ENTERPRISES), r -> {
            LocalDate.parse(r.get("established"));
            for (String s : r.get("segments").split("\\|")) if (!s.isEmpty()) Segment.valueOf(s);
            if (!r.get("registered_capital").isEmpty()) {
                assertThat(Double.parseDouble(r.get("paid_in_capital")))
                        .isLessThanOrEqualTo(Double.parseDouble(r.get("registered_capital")));
            }
        });
        read(city.resolve(CityGenerator.ROLES), r -> {
            if (r.get("role").equals("SHAREHOLDER")) assertThat(Double.parseDouble(r.get("share"))).isBetween(0.0, 1.0);
            else assertThat(r.get("share")).isEmpty();
        });
        read(city.resolve(CityGenerator.LINKS), r -> {
            if (r.get("kind").equals("INVESTS_IN")) assertThat(Double.parseDouble(r.get("share"))).isBetween(0.0, 1.0);
            else assertThat(r.get("share")).isEmpty();
        });
        for (String f : List.of(CityGenerator.INSPECTIONS, CityGenerator.SAMPLES, CityGenerator.PENALTIES,
                CityGenerator.COMPLAINTS, CityGenerator.COURT_RECORDS)) {
            read(city.resolve(f), r -> assertThat(LocalDate.parse(r.get("date"))).as(f).isBetween(start, end));
        }
        read(city.resolve(CityGenerator.INSPECTIONS), r -> {
            assertThat(r.get("rectified")).isIn("", "true", "false");
            assertThat(r.get("result").equals("ISSUES_FOUND")).isEqualTo(Integer.parseInt(r.get("issues")) > 0);
        });
        read(city.resolve(CityGenerator.COMPLAINTS), r -> assertThat(r.get("verified")).isIn("", "true", "false"));
        read(city.resolve(CityGenerator.ALERTS), r -> {
            OffsetDateTime t = OffsetDateTime.parse(r.get("time"));
            if (r.get("status").equals("DISPOSED")) assertThat(OffsetDateTime.parse(r.get("disposed_at"))).isAfter(t);
            else assertThat(r.get("disposed_at")).isEmpty();
        });
        read(city.resolve(CityGenerator.SAMPLES), r -> {
            if (r.get("result").equals("FAIL")) assertThat(r.get("failed_items")).matches("[a-z_]+:[a-z_]+(\\|[a-z_]+:[a-z_]+)*");
            else assertThat(r.get("failed_items")).isEmpty();
        });
        for (String f : allFiles()) assertThat(summary.rows(f)).as(f).isPositive();
    }

    static void checkEnums(Path city, String file, Map<String, Class<? extends Enum<?>>> columns) throws IOException {
        Map<String, Set<String>> allowed = new HashMap<>();
        columns.forEach((c, type) -> {
            Set<String> s = new HashSet<>();
            for (Enum<?> e : type.getEnumConstants()) s.add(e.name());
            allowed.put(c, s);
        });
        read(city.resolve(file), r -> columns.keySet().forEach(c -> {
            String v = r.get(c);
            if (!v.isEmpty()) assertThat(allowed.get(c)).as(file + "." + c).contains(v);
        }));
    }

    // ------------------------------------------------------------------ referential integrity
    @Test
    void everyReferenceResolvesAndIdsAreUnique() throws IOException {
        checkReferences(city, summary);
    }

    /** Every reference resolves (no stubs), event ids and inspection codes unique; shared with MechanicsTest. */
    static void checkReferences(Path city, GeneratorSummary summary) throws IOException {
        Set<String> usccs = column(city, CityGenerator.ENTERPRISES, "uscc");
        Set<String> persons = column(city, CityGenerator.PERSONS, "person_id");
        Set<String> inspectors = column(city, CityGenerator.INSPECTORS, "inspector_id");
        read(city.resolve(CityGenerator.ROLES), r -> {
            has(persons, r.get("person_id"));
            has(usccs, r.get("uscc"));
        });
        read(city.resolve(CityGenerator.LINKS), r -> {
            has(usccs, r.get("from_uscc")); has(usccs, r.get("to_uscc"));
            assertThat(r.get("from_uscc")).isNotEqualTo(r.get("to_uscc"));
        });
        read(city.resolve(CityGenerator.INSPECTORS), r -> has(persons, r.get("person_id")));
        read(city.resolve(CityGenerator.INSPECTIONS), r -> {
            has(usccs, r.get("uscc"));
            for (String k : r.get("inspectors").split("\\|")) has(inspectors, k);
        });
        read(city.resolve(CityGenerator.SAMPLES), r -> {
            has(usccs, r.get("uscc"));
            if (!r.get("producer_uscc").isEmpty()) has(usccs, r.get("producer_uscc"));
        });
        for (String f : List.of(CityGenerator.PENALTIES, CityGenerator.COMPLAINTS, CityGenerator.ALERTS)) {
            read(city.resolve(f), r -> has(usccs, r.get("uscc")));
        }
        read(city.resolve(CityGenerator.COURT_RECORDS), r -> has(
                r.get("subject_type").equals("PERSON") ? persons : usccs, r.get("subject_id")));
        // ids unique within their file
        Map<String, String> idColumn = Map.of(CityGenerator.INSPECTIONS, "inspection_id", CityGenerator.SAMPLES, "sample_id",
                CityGenerator.PENALTIES, "case_id", CityGenerator.COMPLAINTS, "complaint_id",
                CityGenerator.COURT_RECORDS, "record_id", CityGenerator.ALERTS, "alert_id",
                CityGenerator.INSPECTORS, "inspector_id");
        for (var e : idColumn.entrySet()) {
            assertThat((long) column(city, e.getKey(), e.getValue()).size()).as(e.getKey()).isEqualTo(summary.rows(e.getKey()));
        }
        Set<String> codes = new HashSet<>();
        long[] withCode = {0};
        read(city.resolve(CityGenerator.INSPECTIONS), r -> {
            if (!r.get("code").isEmpty()) {
                withCode[0]++;
                assertThat(codes.add(r.get("code"))).isTrue();
            }
        });
        assertThat(withCode[0]).isPositive();
    }

    static void has(Set<String> set, String value) {
        if (!set.contains(value)) throw new AssertionError("unresolved reference: '" + value + "'");
    }

    static Set<String> column(String file, String col) throws IOException {
        return column(city, file, col);
    }

    static Set<String> column(Path city, String file, String col) throws IOException {
        Set<String> s = new HashSet<>();
        read(city.resolve(file), r -> s.add(r.get(col)));
        return s;
    }

    // ------------------------------------------------------------------ planted structures
    @Test
    void plantedStructuresExistInTheirProportions() throws IOException {
        Map<String, Double> risk = new HashMap<>();
        Map<String, String> cluster = new HashMap<>(), agent = new HashMap<>();
        double[] sum = {0};
        read(city.resolve(CityGenerator.TRUTH), r -> {
            double p = Double.parseDouble(r.get("latent_risk"));
            risk.put(r.get("uscc"), p);
            sum[0] += p;
            if (!r.get("shell_cluster").isEmpty()) cluster.put(r.get("uscc"), r.get("shell_cluster"));
            if (!r.get("formation_agent").isEmpty()) agent.put(r.get("uscc"), r.get("formation_agent"));
        });
        double meanRisk = sum[0] / N;
        Map<String, CSVRecord> ent = new HashMap<>();
        read(city.resolve(CityGenerator.ENTERPRISES), r -> ent.put(r.get("uscc"), r));
        Map<String, String> legalRep = new HashMap<>();
        Map<String, List<String>> firmsOfPerson = new HashMap<>();
        read(city.resolve(CityGenerator.ROLES), r -> {
            if (r.get("role").equals("LEGAL_REPRESENTATIVE")) legalRep.put(r.get("uscc"), r.get("person_id"));
            firmsOfPerson.computeIfAbsent(r.get("person_id"), k -> new ArrayList<>()).add(r.get("uscc"));
        });
        // shell clusters: >= 3 young firms sharing address, phone and legal representative, (almost) no paid-in capital
        Map<String, List<String>> clusters = new HashMap<>();
        cluster.forEach((u, c) -> clusters.computeIfAbsent(c, k -> new ArrayList<>()).add(u));
        assertThat(clusters.size()).isGreaterThanOrEqualTo((int) (N * 0.0012 * 0.9));
        double shellRisk = 0;
        for (List<String> members : clusters.values()) {
            assertThat(members.size()).isBetween(3, 10);
            CSVRecord a = ent.get(members.get(0));
            for (String u : members) {
                CSVRecord e = ent.get(u);
                assertThat(e.get("address")).isEqualTo(a.get("address"));
                assertThat(e.get("phone")).isEqualTo(a.get("phone"));
                assertThat(legalRep.get(u)).isEqualTo(legalRep.get(members.get(0)));
                assertThat(Double.parseDouble(e.get("paid_in_capital"))).isLessThanOrEqualTo(10_000);
                assertThat(LocalDate.parse(e.get("established"))).isAfter(LocalDate.of(2024, 6, 29));
                shellRisk += risk.get(u);
            }
        }
        shellRisk /= cluster.size();
        assertThat(shellRisk).isGreaterThan(3 * meanRisk);
        // formation agents: at least one address hosting >= 100 firms, not risky for that
        Map<String, Integer> perAddress = new HashMap<>();
        ent.values().forEach(e -> perAddress.merge(e.get("address"), 1, Integer::sum));
        assertThat(perAddress.values().stream().filter(c -> c >= 100).count()).isGreaterThanOrEqualTo(N / 5000);
        double agentRisk = agent.keySet().stream().mapToDouble(risk::get).average().orElseThrow();
        assertThat(agentRisk).isLessThan(1.5 * meanRisk);
        assertThat(agent.size()).isBetween((int) (N * 0.02), (int) (N * 0.05));
        // pyramids of depth >= 3 and ownership cycles in INVESTS_IN
        Map<String, List<String>> holds = new HashMap<>();
        Map<String, String> majorityOwner = new HashMap<>();
        read(city.resolve(CityGenerator.LINKS), r -> {
            if (!r.get("kind").equals("INVESTS_IN")) return;
            holds.computeIfAbsent(r.get("from_uscc"), k -> new ArrayList<>()).add(r.get("to_uscc"));
            if (Double.parseDouble(r.get("share")) > 0.5) majorityOwner.put(r.get("to_uscc"), r.get("from_uscc"));
        });
        long deep = majorityOwner.keySet().stream().filter(u -> depth(u, majorityOwner) >= 3).count();
        assertThat(deep).isGreaterThanOrEqualTo(N / 150 / 2);
        assertThat(countNodesOnCycles(holds)).isGreaterThanOrEqualTo(4);
        // branches
        long branches = ent.values().stream().filter(e -> e.get("type").equals("BRANCH")).count();
        assertThat(branches).isBetween((long) (N * 0.04), (long) (N * 0.1));
        // persons: heavy tail of enterprises per person
        int[] counts = firmsOfPerson.values().stream().mapToInt(l -> (int) l.stream().distinct().count()).toArray();
        long single = Arrays.stream(counts).filter(c -> c == 1).count();
        assertThat((double) single / counts.length).isGreaterThan(0.5);
        assertThat(Arrays.stream(counts).max().orElseThrow()).isGreaterThanOrEqualTo(20);
        // supervised segments ~ 22 %
        long supervised = ent.values().stream().filter(e -> !e.get("segments").isEmpty()).count();
        assertThat((double) supervised / N).isBetween(0.19, 0.27);
        long catering = ent.values().stream().filter(e -> e.get("segments").contains("CATERING")).count();
        long vehicle = ent.values().stream().filter(e -> e.get("segments").contains("VEHICLE_INSPECTION")).count();
        assertThat(catering).isGreaterThan(20 * Math.max(1, vehicle));
    }

    static int depth(String u, Map<String, String> owner) {
        int d = 0;
        Set<String> seen = new HashSet<>();
        while (owner.containsKey(u) && seen.add(u)) {
            u = owner.get(u);
            d++;
        }
        return d;
    }

    /** Nodes on a directed cycle (Kahn: whatever cannot be peeled off lies on or behind a cycle; then keep the
     * nodes that reach themselves). */
    static int countNodesOnCycles(Map<String, List<String>> g) {
        int onCycle = 0;
        for (String start : g.keySet()) {
            ArrayDeque<String> stack = new ArrayDeque<>(g.get(start));
            Set<String> seen = new HashSet<>();
            boolean found = false;
            while (!stack.isEmpty() && !found && seen.size() < 500) {
                String x = stack.pop();
                if (x.equals(start)) found = true;
                else if (seen.add(x)) stack.addAll(g.getOrDefault(x, List.of()));
            }
            if (found) onCycle++;
        }
        return onCycle;
    }

    @Test
    void someInspectorsArePersonallyTiedToEnterprises() throws IOException {
        Set<String> inspectorPersons = column(CityGenerator.INSPECTORS, "person_id");
        Map<String, String[]> personContact = new HashMap<>();
        read(city.resolve(CityGenerator.PERSONS), r -> {
            if (inspectorPersons.contains(r.get("person_id"))) {
                personContact.put(r.get("person_id"), new String[]{r.get("address"), r.get("phone")});
            }
        });
        Set<String> tied = new HashSet<>();
        read(city.resolve(CityGenerator.ROLES), r -> {
            if (inspectorPersons.contains(r.get("person_id"))) tied.add(r.get("person_id"));
        });
        int byRole = tied.size();
        Set<String> addresses = column(CityGenerator.ENTERPRISES, "address");
        Set<String> phones = column(CityGenerator.ENTERPRISES, "phone");
        personContact.forEach((p, c) -> {
            if (addresses.contains(c[0]) || (!c[1].isEmpty() && phones.contains(c[1]))) tied.add(p);
        });
        assertThat(byRole).isPositive();
        assertThat(tied.size()).isGreaterThan(byRole);
        assertThat((double) tied.size() / inspectorPersons.size()).isBetween(0.01, 0.10);
    }

    // ------------------------------------------------------------------ truth and calibration
    @Test
    void truthCoversEveryEnterpriseAndRiskDrivesViolations() throws IOException {
        Set<String> usccs = column(CityGenerator.ENTERPRISES, "uscc");
        List<String> truthUsccs = new ArrayList<>();
        double[] pos = {0, 0}, neg = {0, 0};
        read(city.resolve(CityGenerator.TRUTH), r -> {
            truthUsccs.add(r.get("uscc"));
            double p = Double.parseDouble(r.get("latent_risk"));
            assertThat(p).isBetween(0.0, 1.0);
            if (Boolean.parseBoolean(r.get("violation_next_half_year"))) {
                pos[0] += p;
                pos[1]++;
            } else {
                neg[0] += p;
                neg[1]++;
            }
        });
        assertThat(truthUsccs).hasSize(N).doesNotHaveDuplicates();
        assertThat(new HashSet<>(truthUsccs)).isEqualTo(usccs);
        double rate = pos[1] / N;
        assertThat(rate).isBetween(0.05, 0.15);
        assertThat(summary.observedViolationRate()).isEqualTo(rate);
        assertThat(pos[0] / pos[1]).isGreaterThan(2 * neg[0] / neg[1]);
        // problem detection rate of inspections (seed report: 19 %) and rectification (722 of 735)
        long[] c = {0, 0, 0, 0};
        read(city.resolve(CityGenerator.INSPECTIONS), r -> {
            c[0]++;
            if (r.get("result").equals("ISSUES_FOUND")) {
                c[1]++;
                if (r.get("rectified").equals("true")) c[2]++;
            }
        });
        assertThat((double) c[1] / c[0]).isBetween(0.10, 0.30);
        assertThat((double) c[2] / c[1]).isGreaterThan(0.95);
    }

    @Test
    void leniencyMixFollowsTheSeedReport() throws IOException {
        long[] c = new long[5]; // notices, cases, reduced, exempted
        read(city.resolve(CityGenerator.PENALTIES), r -> {
            if (r.get("kind").equals("CORRECTIVE_NOTICE")) c[0]++;
            else {
                c[1]++;
                if (r.get("leniency").equals("REDUCED")) c[2]++;
                if (r.get("leniency").equals("EXEMPTED")) c[3]++;
            }
        });
        assertThat((double) c[2] / c[1]).isBetween(0.17, 0.31); // 33 / 137 = 0.24
        assertThat((double) c[3] / c[1]).isBetween(0.09, 0.22); // 21 / 137 = 0.15
        assertThat((double) c[0] / c[1]).isBetween(1.0, 3.0);    // 248 / 137 = 1.8
    }

    @Test
    void riskIsLearnableAndTheNetworkMatters(@TempDir Path tmp) throws IOException {
        new CityGenerator(GeneratorParams.of(40_000, 42)).generate(tmp.resolve("c"), ProgressListener.NONE);
        Learnability.Result r = Learnability.evaluate(tmp.resolve("c"));
        assertThat(r.bayesAuc()).isGreaterThan(0.85);
        assertThat(r.networkAuc()).isGreaterThanOrEqualTo(0.80);
        assertThat(r.networkAuc()).isGreaterThan(r.ownAuc() + 0.005);
    }

    // ------------------------------------------------------------------ parameters and output folder
    @Test
    void badParametersGivePreciseErrors() {
        assertThatThrownBy(() -> GeneratorParams.of(0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("enterprises must be at least 1, got 0");
        assertThatThrownBy(() -> GeneratorParams.of(-5, 1)).hasMessage("enterprises must be at least 1, got -5");
        assertThatThrownBy(() -> GeneratorParams.of(60_000_000, 1))
                .hasMessage("enterprises must be at most 50000000, got 60000000");
        assertThatThrownBy(() -> GeneratorParams.defaults().withWindowEnd(null))
                .hasMessageContaining("windowEnd must be given");
        assertThatThrownBy(() -> GeneratorParams.defaults().withWindowEnd(LocalDate.of(1999, 1, 1)))
                .hasMessage("windowEnd must be between 2005-01-01 and 2040-12-31, got 1999-01-01");
        assertThatThrownBy(() -> GeneratorParams.defaults().withContagion(-1))
                .hasMessage("contagion must be in [0, 3], got -1.0");
        assertThatThrownBy(() -> new GeneratorParams(10, 1, GeneratorParams.DEFAULT_WINDOW_END, 0, 0.2, 0.1, 1))
                .hasMessage("historyYears must be between 1 and 10, got 0");
        assertThatThrownBy(() -> new GeneratorParams(10, 1, GeneratorParams.DEFAULT_WINDOW_END, 3, 0, 0.1, 1))
                .hasMessage("supervisedShare must be in (0, 1], got 0.0");
        assertThatThrownBy(() -> new GeneratorParams(10, 1, GeneratorParams.DEFAULT_WINDOW_END, 3, 0.2, 0.9, 1))
                .hasMessage("targetViolationRate must be in (0, 0.5], got 0.9");
        GeneratorParams d = GeneratorParams.defaults();
        assertThat(d.enterprises()).isEqualTo(GeneratorParams.DEFAULT_ENTERPRISES);
        assertThat(d.windowStart()).isEqualTo(LocalDate.of(2023, 7, 1));
    }

    @Test
    void existingNonEmptyOutputIsRefusedWithoutForceAndNothingIsWritten(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("keep.txt"), "mine");
        assertThatThrownBy(() -> GeneratorParams.checkOutputDir(out, false))
                .hasMessageContaining("exists and is not empty").hasMessageContaining("--force");
        CityGenerator g = new CityGenerator(GeneratorParams.of(500, 1));
        assertThatThrownBy(() -> g.generate(out, ProgressListener.NONE)).isInstanceOf(IllegalArgumentException.class);
        assertThat(fileNames(out)).containsExactly("keep.txt");
        assertThat(fileNames(tmp)).containsExactly("out");
        Path file = tmp.resolve("file");
        Files.writeString(file, "x");
        assertThatThrownBy(() -> GeneratorParams.checkOutputDir(file, true)).hasMessageContaining("is not a folder");
        // an empty folder is fine; force replaces a non-empty one
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        g.generate(empty, ProgressListener.NONE);
        assertThat(fileNames(empty)).hasSize(12);
        GeneratorSummary s = g.generate(out, true, ProgressListener.NONE, Cancellation.NEVER);
        assertThat(fileNames(out)).hasSize(12).doesNotContain("keep.txt");
        assertThat(s.rows(CityGenerator.ENTERPRISES)).isEqualTo(500);
        assertThat(fileNames(tmp)).containsExactlyInAnyOrder("out", "file", "empty");
    }

    @Test
    void cancellationLeavesNothingBehind(@TempDir Path tmp) throws IOException {
        Cancellation c = new Cancellation();
        ProgressListener cancelSoon = new ProgressListener() {
            @Override public void advance(long units) { c.cancel(); }
        };
        assertThatThrownBy(() -> new CityGenerator(GeneratorParams.of(20_000, 1))
                .generate(tmp.resolve("out"), false, cancelSoon, c)).isInstanceOf(CancellationException.class);
        assertThat(fileNames(tmp)).isEmpty();
    }
}
