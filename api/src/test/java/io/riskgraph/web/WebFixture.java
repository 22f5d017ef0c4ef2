package io.riskgraph.web;

import io.riskgraph.risk.planning.BackgroundRegrader;
import io.riskgraph.risk.planning.InspectionCodes;
import io.riskgraph.api.ApiConfig;
import io.riskgraph.api.ApiServer;
import io.riskgraph.api.InspectionService;
import io.riskgraph.api.Role;
import io.riskgraph.cli.CliRun;
import io.riskgraph.cli.PlanningSupport;
import io.riskgraph.cypher.TestNeo4j;
import io.riskgraph.cypher.workflow.WorkflowRepositories;
import io.riskgraph.ingest.Ingestor;
import io.riskgraph.ingest.generator.CityGenerator;
import io.riskgraph.ingest.generator.GeneratorParams;
import io.riskgraph.model.id.IdKeys;
import io.riskgraph.model.id.IdProtector;
import io.riskgraph.progress.ProgressListener;
import org.neo4j.driver.Session;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The page's test bed, one per test JVM: a small generated city (analysed, graded, warned, with an inspection plan)
 * in the shared embedded Neo4j, a real server on it with one key per role, and one headless Chromium. Other test
 * classes may clear the graph; {@link #server()} reloads the city when its marker node is gone.
 */
final class WebFixture {
    static final int ENTERPRISES = 300;
    static final long SEED = 13;
    /** An address planted with {@link #HUB_FIRMS} firms, so that expanding it pages. */
    static final String HUB_ADDRESS = "上海市测试区枢纽路1号";
    static final int HUB_FIRMS = 45;
    /** The server's hub threshold: below the planted hub, above the generated city's ordinary nodes. */
    static final int HUB_DEGREE = 30;
    /** Firms of one (segment, community) graded D after grading: the dashboard's least cluster (DashboardService). */
    static final int CLUSTER_FIRMS = 3;
    /** A firm renamed to markup: the page must show it as text and run nothing. */
    static final String XSS_NAME = "<img src=x onerror=alert(1)>";
    static final String XSS_PERSON = "<script>window.__pwned=1</script>张";
    static final Map<Role, String> KEYS = new EnumMap<>(Role.class);
    static String secondInvestigatorKey;
    static Path dir;
    static String xssUscc;
    /** USCCs of the hub's firms. */
    static List<String> hubFirms = List.of();
    /** Codes of the plan's tasks, valid now. */
    static List<String> codes = List.of();
    private static ApiServer server;
    private static WorkflowRepositories workflow;
    private static ChromeDriver driver;

    private WebFixture() {}

    static synchronized ApiServer server() {
        boolean loaded;
        try (Session s = TestNeo4j.connection().driver().session()) {
            loaded = s.run("MATCH (m:WebTestMarker) RETURN count(m) AS n").single().get("n").asLong() > 0;
        }
        if (!loaded) {
            load();
            if (server != null) server.reindexAll();
        }
        if (server == null) start();
        return server;
    }

    static String base() { return "http://127.0.0.1:" + server().port(); }

    private static void load() {
        try {
            dir = dir == null ? Files.createTempDirectory(Path.of("target"), "web-test") : dir;
            Path city = dir.resolve("city");
            if (!Files.exists(city.resolve("enterprises.csv"))) {
                new CityGenerator(GeneratorParams.of(ENTERPRISES, SEED)).generate(city, ProgressListener.NONE);
            }
            TestNeo4j.clear();
            new Ingestor(TestNeo4j.store(), new IdProtector(new byte[32]), Ingestor.Options.DEFAULT)
                    .ingest(city, dir.resolve("rejects.csv"), ProgressListener.NONE);
            for (String[] cmd : new String[][]{{"analyze"}, {"grade"}, {"warn"}}) cli(cmd);
            Path plan = dir.resolve("plan.csv");
            cli("plan", "--period", nextQuarter(), "--seed", "1", "--ratios", "A=0.2,B=0.2,C=0.5,D=1", "--out", plan.toString());
            List<String> found = new ArrayList<>();
            List<String> lines = Files.readAllLines(plan);
            for (String line : lines.subList(1, lines.size())) {
                String code = line.substring(line.lastIndexOf(',') + 1).strip();
                if (!code.isEmpty()) found.add(code);
            }
            codes = List.copyOf(found);
            try (Session s = TestNeo4j.connection().driver().session()) {
                hubFirms = s.run("""
                        MATCH (e:Enterprise) WITH e ORDER BY e.uscc LIMIT $n
                        MERGE (a:Address {address: $address})
                        MERGE (e)-[:LOCATED_AT]->(a)
                        RETURN e.uscc AS uscc ORDER BY uscc""", Map.of("n", HUB_FIRMS, "address", HUB_ADDRESS))
                        .list(r -> r.get("uscc").asString());
                xssUscc = s.run("""
                        MATCH (e:Enterprise)<-[:LEGAL_REPRESENTATIVE_OF]-(p:Person) WHERE e.grade IS NOT NULL
                        WITH e, p ORDER BY e.uscc LIMIT 1
                        SET e.name = $name, p.name = $person RETURN e.uscc AS uscc""",
                        Map.of("name", XSS_NAME, "person", XSS_PERSON)).single().get("uscc").asString();
                // Louvain may split a 300-firm city's few high-risk groups differently from run to run (CI once found
                // none of 3+ C/D firms): grade D the firms of the largest (segment, community) group so the dashboard
                // always has one cluster to open
                s.run("""
                        MATCH (e:Enterprise)-[:IN_SEGMENT]->(seg:Segment) WHERE e.community IS NOT NULL
                        WITH seg, e.community AS g, collect(e) AS firms ORDER BY size(firms) DESC, g LIMIT 1
                        UNWIND firms[0..$n] AS e SET e.grade = 'D'""", Map.of("n", CLUSTER_FIRMS)).consume();
                s.run("CREATE (:WebTestMarker)").consume();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String nextQuarter() {
        java.time.LocalDate d = java.time.LocalDate.now().plusMonths(3);
        return d.getYear() + "-Q" + ((d.getMonthValue() - 1) / 3 + 1);
    }

    static void cli(String... args) {
        CliRun r = CliRun.onTestStore(dir, args);
        if (r.exit() != 0) throw new IllegalStateException(String.join(" ", args) + " failed: " + r.err() + r.out());
    }

    private static void start() {
        server = new ApiServer(new ApiConfig(HUB_DEGREE, Duration.ofSeconds(10), 1_000), TestNeo4j.backend(), dir, dir.resolve("index")).start("127.0.0.1", 0);
        for (Role r : Role.values()) KEYS.put(r, server.keys().create("web-" + r.lower(), r).secret());
        secondInvestigatorKey = server.keys().create("web-investigator-2", Role.INVESTIGATOR).secret();
        workflow = WorkflowRepositories.open(TestNeo4j.connection().driver());
        InspectionCodes codes = new InspectionCodes(IdKeys.loadOrCreate(dir.resolve(InspectionCodes.KEY_FILE)));
        BackgroundRegrader regrader = new BackgroundRegrader(PlanningSupport.regrader(TestNeo4j.store()), e -> { });
        server.inspections(new InspectionService(TestNeo4j.store(), workflow.inspectionPlans(), codes, regrader,
                Clock.systemDefaultZone()));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            regrader.close();
            workflow.close();
        }));
    }

    /** The one headless Chromium of this JVM, 1280x800. */
    static synchronized ChromeDriver browser() {
        if (driver == null) {
            try {
                Path profile = Files.createTempDirectory("rg-chromium");
                ChromeDriverService service = new ChromeDriverService.Builder()
                        .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
                ChromeOptions o = new ChromeOptions();
                o.setBinary("/usr/bin/chromium");
                o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                        "--window-size=1280,800", "--lang=zh-CN", "--user-data-dir=" + profile);
                driver = new ChromeDriver(service, o);
                // the viewport itself is 1280x800 (the window size includes what a headed window would spend on chrome)
                driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                        Map.of("width", 1280, "height", 800, "deviceScaleFactor", 1, "mobile", false));
                driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
                ChromeDriver d = driver;
                Runtime.getRuntime().addShutdownHook(new Thread(d::quit));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return driver;
    }
}
