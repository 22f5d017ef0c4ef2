package io.riskgraph.ingest.generator;

import io.riskgraph.model.EnterpriseType;
import io.riskgraph.model.Segment;
import io.riskgraph.model.id.ResidentId;
import io.riskgraph.model.id.Uscc;
import io.riskgraph.progress.Cancellation;
import io.riskgraph.progress.ProgressListener;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;

/**
 * Generates a synthetic, Shanghai-like city of enterprises, persons, inspectors and three years of supervision
 * history in the canonical data format, with a hidden latent risk per enterprise ({@code truth.csv}).
 *
 * <p>Deterministic: the same parameters give byte-identical files. Memory is bounded by a few primitive arrays per
 * enterprise and per person; rows are streamed to disk. The output appears atomically: everything is written into a
 * hidden sibling folder which is renamed onto the target at the end. See docs/generator.md for every modelling choice.
 */
public final class CityGenerator {
    public static final String ENTERPRISES = "enterprises.csv";
    public static final String PERSONS = "persons.csv";
    public static final String ROLES = "roles.csv";
    public static final String LINKS = "enterprise_links.csv";
    public static final String INSPECTORS = "inspectors.csv";
    public static final String INSPECTIONS = "inspections.csv";
    public static final String SAMPLES = "samples.csv";
    public static final String PENALTIES = "penalties.csv";
    public static final String COMPLAINTS = "complaints.csv";
    public static final String COURT_RECORDS = "court_records.csv";
    public static final String ALERTS = "alerts.csv";
    /** Ground truth; never ingested. */
    public static final String TRUTH = "truth.csv";

    /** The canonical data files and their header rows, in the order of the data contract. */
    public static final Map<String, List<String>> HEADERS;
    /** Columns of truth.csv. */
    public static final List<String> TRUTH_HEADER = List.of("uscc", "latent_risk", "violation_next_half_year",
            "base_logit", "network_logit", "shell_cluster", "formation_agent", "group_id", "group_depth", "in_cycle",
            "tied_inspector");

    static {
        // the columns are the contract's, as io.riskgraph.ingest.CanonicalFile declares them
        Map<String, List<String>> h = new LinkedHashMap<>();
        for (String file : List.of(ENTERPRISES, PERSONS, ROLES, LINKS, INSPECTORS, INSPECTIONS, SAMPLES, PENALTIES,
                COMPLAINTS, COURT_RECORDS, ALERTS)) {
            String base = file.substring(0, file.length() - ".csv".length());
            h.put(file, io.riskgraph.ingest.CanonicalFile.byBaseName(base).orElseThrow().fields().stream()
                    .map(io.riskgraph.ingest.Field::name).toList());
        }
        HEADERS = java.util.Collections.unmodifiableMap(h);
    }

    // random streams
    private static final int S_ATTR = 1, S_PLANT = 2, S_PERSON = 3, S_ROLES = 4, S_RISK = 5, S_EVENTS = 6,
            S_PCOURT = 7, S_INSP = 8, S_NAME = 9, S_ADDR = 10, S_PATTR = 11, S_SWAP = 12, S_SUPPLY = 13, S_EXTRA = 14;

    // enterprise flags
    static final int F_SHELL = 1, F_AGENT_HOSTED = 2, F_AGENT_FIRM = 4, F_CYCLE = 8, F_TIED = 16, F_SMART = 32,
            F_CLOSED = 64;
    // statuses
    private static final byte ST_ACTIVE = 0, ST_ABNORMAL = 1, ST_REVOKED = 2, ST_CANCELLED = 3;
    private static final String[] STATUS = {"ACTIVE", "ABNORMAL", "REVOKED", "CANCELLED"};
    private static final EnterpriseType[] TYPES = EnterpriseType.values();
    private static final int T_COMPANY = EnterpriseType.COMPANY.ordinal(),
            T_SOLE = EnterpriseType.SOLE_PROPRIETORSHIP.ordinal(),
            T_INDIVIDUAL = EnterpriseType.INDIVIDUAL_BUSINESS.ordinal(),
            T_PARTNERSHIP = EnterpriseType.PARTNERSHIP.ordinal(), T_COOP = EnterpriseType.COOPERATIVE.ordinal(),
            T_BRANCH = EnterpriseType.BRANCH.ordinal(), T_OTHER = EnterpriseType.OTHER.ordinal();
    private static final int SEG_COUNT = Segment.values().length;
    private static final int B_FOOD_PROD = bit(Segment.FOOD_PRODUCTION), B_FOOD_SALES = bit(Segment.FOOD_SALES),
            B_CATERING = bit(Segment.CATERING), B_SPECIAL_FOOD = bit(Segment.SPECIAL_FOOD),
            B_DRUG = bit(Segment.DRUG_RETAIL), B_DEVICE = bit(Segment.MEDICAL_DEVICE),
            B_COSMETICS = bit(Segment.COSMETICS), B_SE_USE = bit(Segment.SPECIAL_EQUIPMENT_USE),
            B_SE_MAKING = bit(Segment.SPECIAL_EQUIPMENT_MAKING), B_INDUSTRIAL = bit(Segment.INDUSTRIAL_PRODUCT),
            B_TESTING = bit(Segment.TESTING_AGENCY), B_VEHICLE = bit(Segment.VEHICLE_INSPECTION),
            B_ONLINE = bit(Segment.ONLINE_TRADING);
    private static final int CONSUMER_SEGS = B_CATERING | B_FOOD_SALES | B_ONLINE | B_COSMETICS | B_DRUG | B_SPECIAL_FOOD;
    // role codes in role plans
    private static final String[] ROLE_NAMES = {"LEGAL_REPRESENTATIVE", "SHAREHOLDER", "DIRECTOR", "SUPERVISOR",
            "MANAGER", "FINANCE_OFFICER", "CONTACT"};
    private static final int R_LR = 0, R_SH = 1, R_DIR = 2, R_SUP = 3, R_MGR = 4, R_FIN = 5, R_CONTACT = 6;
    /** who fills a planned role: a new person from the slot pool, the principal (slot 0), or the shell nominee */
    private static final int W_NEW = 0, W_PRINCIPAL = 1, W_NOMINEE = 2;

    /** branches inherit their parent's segments and shells add a few, so the first draw is scaled down */
    static final double SUPERVISED_DRAW = 0.92;

    private static int bit(Segment s) { return 1 << s.ordinal(); }

    private final GeneratorParams params;

    public CityGenerator(GeneratorParams params) {
        if (params == null) throw new IllegalArgumentException("params must be given");
        this.params = params;
    }

    public GeneratorParams params() { return params; }

    /** Generates into {@code outDir}, which must not exist or be empty. */
    public GeneratorSummary generate(Path outDir, ProgressListener progress) {
        return generate(outDir, false, progress, Cancellation.NEVER);
    }

    /**
     * Generates into {@code outDir}. An existing non-empty folder is refused unless {@code force}, in which case it is
     * replaced only once the new data is complete. On failure or cancellation nothing is left behind.
     */
    public GeneratorSummary generate(Path outDir, boolean force, ProgressListener progress, Cancellation cancel) {
        GeneratorParams.checkOutputDir(outDir, force);
        ProgressListener pl = progress == null ? ProgressListener.NONE : progress;
        Cancellation cx = cancel == null ? Cancellation.NEVER : cancel;
        long t0 = System.nanoTime();
        Path target = outDir.toAbsolutePath().normalize();
        Path parent = target.getParent();
        Path tmp = null;
        try {
            Files.createDirectories(parent);
            tmp = Files.createTempDirectory(parent, "." + target.getFileName() + ".partial-");
            City city = new City(params, pl, cx);
            city.plan();
            Map<String, Long> rows = city.write(tmp);
            publish(tmp, target, force);
            tmp = null;
            return new GeneratorSummary(target, rows, Duration.ofNanos(System.nanoTime() - t0),
                    city.observedViolationRate);
        } catch (IOException e) {
            throw new UncheckedIOException("generating into " + outDir + " failed: " + e.getMessage(), e);
        } finally {
            if (tmp != null) deleteQuietly(tmp);
        }
    }

    private static void publish(Path tmp, Path target, boolean force) throws IOException {
        if (Files.isDirectory(target)) {
            if (GeneratorParams.isEmptyDir(target)) {
                Files.delete(target);
            } else if (force) {
                Path old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
                Files.delete(old);
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                deleteQuietly(old);
                return;
            } else {
                throw new IllegalArgumentException("output folder " + target
                        + " became non-empty while generating; nothing was written to it");
            }
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    }

    static void deleteQuietly(Path dir) {
        try {
            if (!Files.exists(dir)) return;
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
                    Files.delete(f);
                    return FileVisitResult.CONTINUE;
                }

                @Override public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }

    // =====================================================================================================
    /** The whole city as primitive arrays, then streamed out. */
    static final class City {
        final GeneratorParams p;
        final Mechanics.RiskCarriers mr;
        final Mechanics.Spread ms;
        final Mechanics.Targeting mt;
        final double[] segEffect;
        final int routineSegs;
        final ProgressListener pl;
        final Cancellation cx;
        final long seed;
        final int n;
        final int endDay, startDay;
        final int halfYears;
        final int[] halfStart;

        // per enterprise
        final byte[] district, type, status, flags;
        final short[] seg;
        final int[] est, cap, owner, ownerShare, branchOf, addrGroup, phoneGroup, group, groupDepth, legalRep, closeDay;
        final float[] base, risk, personAgg, netLogit;
        int numClusters, numAgents, numGroups;
        int[] nomineeOfCluster;
        // extra links (cross-holdings, cycles, guarantees, supplies)
        IntList lFrom = new IntList(), lTo = new IntList(), lKindShare = new IntList(), lSince = new IntList();
        int[] supStart, supList;
        // persons
        int numNormalPersons, numNominees, numPersons, nomineeBase, inspectorPersonBase;
        float[] personRisk;
        int[] slots;
        // inspectors
        int numInspectors;
        byte[] inspDistrict;
        int[][] inspByDistrict;
        TreeMap<Integer, int[]> ties = new TreeMap<>(); // enterprise -> {inspector, kind}
        int[] tieEnterpriseOfInspector;
        int[] tieKindOfInspector;
        double shift;
        double observedViolationRate;
        final String[] dayCache;
        final int dayCacheBase;

        City(GeneratorParams p, ProgressListener pl, Cancellation cx) {
            this.p = p;
            this.mr = p.mechanics().risk();
            this.ms = p.mechanics().spread();
            this.mt = p.mechanics().targeting();
            this.segEffect = mr.segmentEffectArray();
            this.routineSegs = mt.routineMask();
            this.pl = pl;
            this.cx = cx;
            this.seed = p.seed();
            this.n = p.enterprises();
            this.endDay = (int) p.windowEnd().toEpochDay();
            this.startDay = (int) p.windowStart().toEpochDay();
            this.halfYears = p.historyYears() * 2;
            this.halfStart = new int[halfYears + 2];
            for (int h = 0; h <= halfYears + 1; h++) {
                halfStart[h] = (int) p.windowStart().plusMonths(6L * h).toEpochDay();
            }
            district = new byte[n];
            type = new byte[n];
            status = new byte[n];
            flags = new byte[n];
            seg = new short[n];
            est = new int[n];
            cap = new int[n];
            owner = filled(n);
            ownerShare = new int[n];
            branchOf = filled(n);
            addrGroup = filled(n);
            phoneGroup = filled(n);
            group = filled(n);
            groupDepth = new int[n];
            legalRep = filled(n);
            closeDay = new int[n];
            base = new float[n];
            risk = new float[n];
            personAgg = new float[n];
            netLogit = new float[n];
            dayCacheBase = endDay - 40 * 366;
            dayCache = new String[halfStart[halfYears + 1] - dayCacheBase + 400];
        }

        static int[] filled(int len) {
            int[] a = new int[len];
            Arrays.fill(a, -1);
            return a;
        }

        String day(int epochDay) {
            int k = epochDay - dayCacheBase;
            if (k < 0 || k >= dayCache.length) return LocalDate.ofEpochDay(epochDay).toString();
            String s = dayCache[k];
            if (s == null) dayCache[k] = s = LocalDate.ofEpochDay(epochDay).toString();
            return s;
        }

        void tick(int i) {
            if ((i & 4095) == 4095) {
                pl.advance(4096);
                if (cx.isCancelled()) throw new CancellationException("generation cancelled");
            }
        }

        // ---------------------------------------------------------------------------------------------
        void plan() {
            pl.start("plan city", n);
            planEnterprises();
            plantShellClusters();
            plantFormationAgents();
            plantGroups();
            planBranches();
            planSupplies();
            planInspectors();
            planPersons();
            planRisk();
            pl.advance(n % 4096);
            pl.finish("plan city");
        }

        private void planEnterprises() {
            double segTotal = Vocab.sum(Vocab.SEGMENT_WEIGHTS), distTotal = Vocab.sum(Vocab.DISTRICT_WEIGHTS);
            for (int i = 0; i < n; i++) {
                SplittableRandom r = Rand.of(seed, S_ATTR, i);
                district[i] = (byte) Vocab.weighted(Vocab.DISTRICT_WEIGHTS, distTotal, r);
                int s = 0;
                int primary = -1;
                if (r.nextDouble() < p.supervisedShare() * SUPERVISED_DRAW) {
                    primary = Vocab.weighted(Vocab.SEGMENT_WEIGHTS, segTotal, r);
                    s = 1 << primary;
                    double u = r.nextDouble();
                    if (s == B_CATERING && u < 0.10) s |= B_FOOD_SALES;
                    else if (s == B_FOOD_SALES && u < 0.05) s |= B_CATERING;
                    else if (s == B_FOOD_SALES && u < 0.09) s |= B_SPECIAL_FOOD;
                    else if (s == B_FOOD_SALES && u < 0.13) s |= B_ONLINE;
                    else if (s == B_DRUG && u < 0.55) s |= B_DEVICE;
                    else if (s == B_COSMETICS && u < 0.2) s |= B_ONLINE;
                    else if (u > 0.975) s |= B_SE_USE;
                }
                seg[i] = (short) s;
                double u = r.nextDouble();
                int t;
                if ((s & (B_CATERING | B_FOOD_SALES)) != 0) {
                    t = u < 0.45 ? T_INDIVIDUAL : u < 0.90 ? T_COMPANY : u < 0.98 ? T_BRANCH : T_SOLE;
                } else if ((s & (B_VEHICLE | B_TESTING | B_SE_MAKING | B_INDUSTRIAL | B_FOOD_PROD)) != 0) {
                    t = u < 0.95 ? T_COMPANY : T_BRANCH;
                } else {
                    t = u < 0.72 ? T_COMPANY : u < 0.84 ? T_INDIVIDUAL : u < 0.91 ? T_BRANCH : u < 0.955 ? T_PARTNERSHIP
                            : u < 0.98 ? T_SOLE : u < 0.985 ? T_COOP : T_OTHER;
                }
                type[i] = (byte) t;
                // age: exponential, mean 7.5 years, at most 35 years
                double ageDays = Math.min(35 * 365.25, -7.5 * 365.25 * StrictMath.log(1 - r.nextDouble()));
                est[i] = endDay - (int) ageDays;
                cap[i] = capital(t, r);
                if ((s & B_CATERING) != 0 && r.nextDouble() < (t == T_COMPANY || t == T_BRANCH ? 0.6 : 0.25)) {
                    flags[i] |= F_SMART;
                }
            }
        }

        /** registered capital in thousand CNY; 0 = none (branches). */
        static int capital(int t, SplittableRandom r) {
            if (t == T_BRANCH) return 0;
            double k = switch (t) {
                case 2 -> Rand.logNormal(r, 50, 0.9);        // individual business
                case 1 -> Rand.logNormal(r, 100, 1.0);       // sole proprietorship
                case 3 -> Rand.logNormal(r, 3000, 1.5);      // partnership
                case 4 -> Rand.logNormal(r, 500, 1.0);       // cooperative
                default -> Rand.logNormal(r, 1000, 1.5);     // company, other
            };
            k = Math.min(k, 50_000_000);
            if (k >= 100) return (int) (Math.round(k / 10) * 10);
            return Math.max(1, (int) Math.round(k));
        }

        private void plantShellClusters() {
            SplittableRandom r = Rand.of(seed, S_PLANT, 1);
            numClusters = Math.max(1, (int) Math.round(n * 0.0012));
            int numNomineesLocal = Math.max(1, (int) Math.ceil(numClusters * 0.8));
            nomineeOfCluster = new int[numClusters];
            int[] capChoices = {1000, 3000, 5000, 10000, 500};
            for (int c = 0; c < numClusters; c++) {
                nomineeOfCluster[c] = c < numNomineesLocal ? c : r.nextInt(numNomineesLocal);
                int size = 3 + r.nextInt(8);
                int d = Vocab.weighted(Vocab.DISTRICT_WEIGHTS, 100, r);
                for (int k = 0; k < size; k++) {
                    int j = pick(r, i -> flags[i] == 0 && type[i] != T_BRANCH && addrGroup[i] < 0);
                    if (j < 0) break;
                    flags[j] = F_SHELL;
                    type[j] = (byte) T_COMPANY;
                    district[j] = (byte) d;
                    est[j] = endDay - r.nextInt(730);
                    cap[j] = capChoices[r.nextInt(capChoices.length)];
                    double u = r.nextDouble();
                    seg[j] = (short) (u < 0.6 ? 0 : u < 0.8 ? B_ONLINE : B_FOOD_SALES);
                    addrGroup[j] = c;
                    phoneGroup[j] = c;
                }
            }
            numNominees = numNomineesLocal;
        }

        private void plantFormationAgents() {
            SplittableRandom r = Rand.of(seed, S_PLANT, 2);
            numAgents = Math.max(1, (int) Math.round(n / 5000.0));
            int perAgentCap = (int) Math.max(10, n * 0.04 / numAgents);
            for (int a = 0; a < numAgents; a++) {
                int size = Math.min(100 + r.nextInt(301), perAgentCap);
                int d = Vocab.AGENT_DISTRICTS[r.nextInt(Vocab.AGENT_DISTRICTS.length)];
                int g = numClusters + a;
                for (int k = 0; k < size; k++) {
                    int j = pick(r, i -> flags[i] == 0 && type[i] != T_INDIVIDUAL && addrGroup[i] < 0);
                    if (j < 0) break;
                    flags[j] |= F_AGENT_HOSTED;
                    district[j] = (byte) d;
                    addrGroup[j] = g;
                    if (k == 0) {
                        flags[j] |= F_AGENT_FIRM;
                        type[j] = (byte) T_COMPANY;
                        seg[j] = 0;
                        est[j] = Math.min(est[j], endDay - 3000);
                        cap[j] = Math.max(cap[j], 1000);
                        phoneGroup[j] = g;
                    } else if (r.nextDouble() < 0.5) {
                        phoneGroup[j] = g;
                    }
                }
            }
        }

        private void plantGroups() {
            SplittableRandom r = Rand.of(seed, S_PLANT, 3);
            numGroups = Math.max(2, (int) Math.round(n / 150.0));
            int[] members = new int[160];
            boolean cyclePlanted = false;
            for (int g = 0; g < numGroups; g++) {
                double tail = StrictMath.pow(1 - r.nextDouble(), -1 / 1.3) - 1;
                int size = 3 + (int) Math.min(150, 2 * tail);
                int m = 0;
                for (int k = 0; k < size; k++) {
                    int j = pick(r, i -> (flags[i] & (F_SHELL | F_AGENT_FIRM)) == 0 && type[i] == T_COMPANY
                            && owner[i] < 0 && group[i] < 0);
                    if (j < 0) break;
                    members[m] = j;
                    group[j] = g;
                    if (m == 0) {
                        cap[j] = Math.min(50_000_000, cap[j] * 10);
                        groupDepth[j] = 0;
                    } else {
                        int parentIdx = m <= 3 ? m - 1 : r.nextInt(m);
                        int par = members[parentIdx];
                        owner[j] = par;
                        ownerShare[j] = r.nextDouble() < 0.4 ? 10000 : 5100 + r.nextInt(4900);
                        groupDepth[j] = groupDepth[par] + 1;
                        if (est[j] < est[par] + 30) est[j] = Math.min(endDay, est[par] + 30 + r.nextInt(365));
                    }
                    m++;
                }
                if (m >= 4 && r.nextDouble() < 0.2) { // cross-holding between two members
                    int a = members[1 + r.nextInt(m - 1)], b = members[r.nextInt(m)];
                    if (a != b && owner[b] != a && owner[a] != b) {
                        addLink(a, b, LINK_INVESTS, 500 + r.nextInt(2500), Math.max(est[a], est[b]) + r.nextInt(200));
                    }
                }
                if (m >= 4 && (!cyclePlanted || r.nextDouble() < 0.04)) { // ownership cycle: 0 -> 1 -> 2 -> 3 -> 0
                    cyclePlanted = true;
                    int last = members[3];
                    addLink(last, members[0], LINK_INVESTS, 500 + r.nextInt(1500),
                            Math.max(est[last], est[members[0]]) + r.nextInt(200));
                    for (int k = 0; k <= 3; k++) flags[members[k]] |= F_CYCLE;
                }
                if (m >= 2 && r.nextDouble() < 0.25) {
                    int b = members[1 + r.nextInt(m - 1)];
                    addLink(members[0], b, LINK_GUARANTEES, 0, est[b] + r.nextInt(400));
                }
            }
            // guarantees among unrelated companies
            int extra = (int) Math.round(n * 0.002);
            for (int k = 0; k < extra; k++) {
                int a = pick(r, i -> type[i] == T_COMPANY && (flags[i] & F_SHELL) == 0);
                int b = pick(r, i -> type[i] == T_COMPANY);
                if (a >= 0 && b >= 0 && a != b) addLink(a, b, LINK_GUARANTEES, 0, Math.max(est[a], est[b]) + r.nextInt(300));
            }
        }

        static final int LINK_INVESTS = 0, LINK_BRANCH = 1, LINK_SUPPLIES = 2, LINK_GUARANTEES = 3;
        static final String[] LINK_NAMES = {"INVESTS_IN", "BRANCH_OF", "SUPPLIES", "GUARANTEES"};

        void addLink(int from, int to, int kind, int shareBp, int since) {
            lFrom.add(from);
            lTo.add(to);
            lKindShare.add(kind << 16 | shareBp);
            lSince.add(Math.min(since, endDay));
        }

        private void planBranches() {
            IntList cand = new IntList();
            for (int i = 0; i < n; i++) {
                if (type[i] == T_COMPANY && cap[i] >= 5000 && (flags[i] & F_SHELL) == 0) cand.add(i);
            }
            SplittableRandom r = Rand.of(seed, S_PLANT, 4);
            for (int i = 0; i < n; i++) {
                if (type[i] != T_BRANCH) continue;
                if (cand.size == 0) {
                    type[i] = (byte) T_COMPANY;
                    cap[i] = 1000;
                    continue;
                }
                int par = cand.a[r.nextInt(cand.size)];
                branchOf[i] = par;
                if (seg[par] != 0 && r.nextDouble() < 0.7) seg[i] = seg[par];
                else if (seg[i] != 0 && seg[par] == 0 && r.nextDouble() < 0.5) seg[par] = seg[i];
                if (est[i] < est[par]) est[i] = Math.min(endDay, est[par] + r.nextInt(1000));
            }
            // parents that gained a segment from a branch keep it; nothing else to fix
        }

        private void planSupplies() {
            IntList producers = new IntList(), wholesalers = new IntList();
            for (int i = 0; i < n; i++) {
                if ((seg[i] & (B_FOOD_PROD | B_SPECIAL_FOOD)) != 0 && type[i] != T_BRANCH) producers.add(i);
                else if ((seg[i] & B_FOOD_SALES) != 0 && type[i] == T_COMPANY && cap[i] >= 3000) wholesalers.add(i);
            }
            int[] got = new int[3];
            for (int i = 0; i < n; i++) {
                if ((seg[i] & (B_FOOD_SALES | B_CATERING)) == 0) continue;
                SplittableRandom r = Rand.of(seed, S_SUPPLY, i);
                double u = r.nextDouble();
                int k = u < 0.35 ? 0 : u < 0.70 ? 1 : u < 0.90 ? 2 : 3;
                int m = 0;
                for (int x = 0; x < k; x++) {
                    int s;
                    if (producers.size > 0 && (wholesalers.size == 0 || r.nextDouble() < 0.75)) {
                        double v = r.nextDouble();
                        s = producers.a[(int) (producers.size * v * v)]; // a few big producers supply many
                    } else if (wholesalers.size > 0) {
                        s = wholesalers.a[r.nextInt(wholesalers.size)];
                    } else break;
                    if (s == i) continue;
                    boolean dup = false;
                    for (int y = 0; y < m; y++) dup |= got[y] == s;
                    if (dup) continue;
                    got[m++] = s;
                    addLink(s, i, LINK_SUPPLIES, 0, Math.max(est[s], est[i]) + r.nextInt(365));
                }
            }
            // supplier lists per buyer (CSR)
            supStart = new int[n + 1];
            for (int k = 0; k < lFrom.size; k++) if ((lKindShare.a[k] >>> 16) == LINK_SUPPLIES) supStart[lTo.a[k] + 1]++;
            for (int i = 0; i < n; i++) supStart[i + 1] += supStart[i];
            supList = new int[supStart[n]];
            int[] fill = Arrays.copyOf(supStart, n);
            for (int k = 0; k < lFrom.size; k++) {
                if ((lKindShare.a[k] >>> 16) == LINK_SUPPLIES) supList[fill[lTo.a[k]]++] = lFrom.a[k];
            }
        }

        private void planInspectors() {
            SplittableRandom r = Rand.of(seed, S_PLANT, 5);
            numInspectors = Math.max(32, (int) Math.round(n / 500.0));
            inspDistrict = new byte[numInspectors];
            int[] perDistrict = new int[16];
            for (int k = 0; k < numInspectors; k++) {
                int d = k < 32 ? k % 16 : Vocab.weighted(Vocab.DISTRICT_WEIGHTS, 100, r);
                inspDistrict[k] = (byte) d;
                perDistrict[d]++;
            }
            inspByDistrict = new int[16][];
            for (int d = 0; d < 16; d++) inspByDistrict[d] = new int[perDistrict[d]];
            int[] fill = new int[16];
            for (int k = 0; k < numInspectors; k++) inspByDistrict[inspDistrict[k]][fill[inspDistrict[k]]++] = k;
            int numTied = Math.max(2, (int) Math.round(numInspectors * 0.04));
            tieEnterpriseOfInspector = filled(numInspectors);
            tieKindOfInspector = new int[numInspectors];
            for (int t = 0; t < numTied; t++) {
                int k = r.nextInt(numInspectors);
                if (tieEnterpriseOfInspector[k] >= 0) continue;
                final int d = inspDistrict[k];
                int j = pick(r, i -> district[i] == d && (flags[i] & (F_SHELL | F_AGENT_HOSTED | F_TIED)) == 0
                        && type[i] != T_BRANCH);
                if (j < 0) continue;
                double u = r.nextDouble();
                int kind = u < 0.6 ? 0 : u < 0.8 ? 1 : 2; // 0 role, 1 shared address, 2 shared phone
                tieEnterpriseOfInspector[k] = j;
                tieKindOfInspector[k] = kind;
                flags[j] |= F_TIED;
                ties.put(j, new int[]{k, kind});
            }
        }

        /** A random enterprise index satisfying the predicate, or -1 after many tries. */
        int pick(SplittableRandom r, java.util.function.IntPredicate ok) {
            for (int t = 0; t < 200; t++) {
                int j = r.nextInt(n);
                if (ok.test(j)) return j;
            }
            return -1;
        }

        // ------------------------------- roles and persons -------------------------------------------
        /**
         * The role plan of enterprise i: per entry role code, who fills it, share in basis points. Returns the number
         * of entries. Pure function of (seed, i) and the planned arrays.
         */
        int rolePlan(int i, int[] role, int[] who, int[] share) {
            SplittableRandom r = Rand.of(seed, S_ROLES, i);
            int t = type[i], k = 0;
            if ((flags[i] & F_SHELL) != 0) {
                role[k] = R_LR; who[k] = W_NOMINEE; share[k++] = 0;
                role[k] = R_SH; who[k] = W_NOMINEE; share[k++] = 10000;
                if (r.nextDouble() < 0.5) { role[k] = R_SUP; who[k] = W_NEW; share[k++] = 0; }
                return k;
            }
            if (t == T_BRANCH) {
                role[k] = R_MGR; who[k] = W_NEW; share[k++] = 0;
                return k;
            }
            role[k] = R_LR; who[k] = W_NEW; share[k++] = 0;
            if (t == T_INDIVIDUAL || t == T_OTHER) return k;
            if (t == T_SOLE) {
                role[k] = R_SH; who[k] = W_PRINCIPAL; share[k++] = 10000;
                return k;
            }
            int pool = owner[i] >= 0 ? 10000 - ownerShare[i] : 10000;
            int m;
            boolean lrHolds;
            if (t == T_PARTNERSHIP || t == T_COOP) {
                m = 2 + r.nextInt(t == T_COOP ? 4 : 2);
                lrHolds = true;
            } else {
                double u = r.nextDouble();
                m = u < 0.45 ? 1 : u < 0.80 ? 2 : u < 0.95 ? 3 : 4;
                if (pool < 10000) m = Math.min(m, 2);
                lrHolds = r.nextDouble() < 0.75;
            }
            if (pool > 0) {
                double[] w = new double[m];
                double sum = 0;
                for (int x = 0; x < m; x++) sum += w[x] = 0.2 + r.nextDouble();
                Arrays.sort(w);
                int rest = pool;
                for (int x = 0; x < m; x++) {
                    double wx = w[m - 1 - x];
                    int s = x == m - 1 ? rest : Math.max(1, (int) Math.round(pool * wx / sum));
                    s = Math.min(s, rest - (m - 1 - x));
                    if (s <= 0) break;
                    rest -= s;
                    role[k] = R_SH;
                    who[k] = x == 0 && lrHolds ? W_PRINCIPAL : W_NEW;
                    share[k++] = s;
                }
            }
            if (t == T_COMPANY) {
                if (r.nextDouble() < 0.7) { role[k] = R_SUP; who[k] = W_NEW; share[k++] = 0; }
                if (r.nextDouble() < 0.4) { role[k] = R_FIN; who[k] = W_NEW; share[k++] = 0; }
                if (r.nextDouble() < 0.25) { role[k] = R_MGR; who[k] = r.nextDouble() < 0.5 ? W_PRINCIPAL : W_NEW; share[k++] = 0; }
                if (r.nextDouble() < 0.15) {
                    role[k] = R_DIR; who[k] = W_PRINCIPAL; share[k++] = 0;
                    role[k] = R_DIR; who[k] = W_NEW; share[k++] = 0;
                    role[k] = R_DIR; who[k] = W_NEW; share[k++] = 0;
                }
                if (r.nextDouble() < 0.2) { role[k] = R_CONTACT; who[k] = W_NEW; share[k++] = 0; }
            }
            return k;
        }

        private void planPersons() {
            int[] role = new int[16], who = new int[16], share = new int[16];
            long demand = 0;
            for (int i = 0; i < n; i++) {
                int k = rolePlan(i, role, who, share);
                for (int x = 0; x < k; x++) if (who[x] == W_NEW) demand++;
            }
            if (demand > Integer.MAX_VALUE - 16) throw new IllegalStateException("too many roles: " + demand);
            // capacities: most persons hold one role, a heavy tail holds many (discrete Pareto, capped at 200)
            SplittableRandom r = Rand.of(seed, S_PERSON, 0);
            slots = new int[(int) demand];
            int filledSlots = 0, person = 0;
            while (filledSlots < demand) {
                int c = r.nextDouble() < 0.72 ? 1
                        : 2 + (int) Math.min(198, 1.2 * (StrictMath.pow(1 - r.nextDouble(), -1 / 1.5) - 1));
                c = (int) Math.min(c, demand - filledSlots);
                for (int x = 0; x < c; x++) slots[filledSlots++] = person;
                person++;
            }
            numNormalPersons = person;
            for (int x = slots.length - 1; x > 0; x--) { // Fisher-Yates
                int y = r.nextInt(x + 1);
                int tmp = slots[x];
                slots[x] = slots[y];
                slots[y] = tmp;
            }
            nomineeBase = numNormalPersons;
            inspectorPersonBase = nomineeBase + numNominees;
            numPersons = inspectorPersonBase + numInspectors;
            personRisk = new float[numPersons];
            for (int q = 0; q < numPersons; q++) {
                SplittableRandom pr = Rand.of(seed, S_RISK, 1_000_000_000L + q);
                double x = ms.personRiskSd() * pr.nextGaussian();
                if (q >= nomineeBase && q < inspectorPersonBase) x = 2.5 + 0.5 * pr.nextGaussian();
                else if (q >= inspectorPersonBase) x = 0.3 * pr.nextGaussian();
                else if (pr.nextDouble() < ms.badActorShare()) x += ms.badActorBoost(); // bad actors
                personRisk[q] = (float) x;
            }
            // assign slots (fixing duplicates inside one enterprise), principal and person aggregate
            int cursor = 0;
            int[] used = new int[16];
            for (int i = 0; i < n; i++) {
                int k = rolePlan(i, role, who, share);
                int nu = 0;
                int principal = -1;
                float maxOther = -10;
                for (int x = 0; x < k; x++) {
                    int q;
                    if (who[x] == W_NOMINEE) q = nomineeBase + nomineeOfCluster[addrGroup[i]];
                    else if (who[x] == W_PRINCIPAL) q = principal;
                    else {
                        q = slots[cursor];
                        if (contains(used, nu, q)) {
                            SplittableRandom sr = Rand.of(seed, S_SWAP, i * 16L + x);
                            for (int tries = 0; tries < 50 && cursor + 1 < slots.length; tries++) {
                                int y = cursor + 1 + sr.nextInt(Math.min(10_000, slots.length - cursor - 1));
                                if (!contains(used, nu, slots[y])) {
                                    slots[cursor] = slots[y];
                                    slots[y] = q;
                                    break;
                                }
                            }
                            q = slots[cursor];
                        }
                        cursor++;
                    }
                    if (x == 0) principal = q;
                    else if (q != principal) maxOther = Math.max(maxOther, personRisk[q]);
                    if (!contains(used, nu, q)) used[nu++] = q;
                }
                legalRep[i] = principal;
                personAgg[i] = (float) (ms.principal() * personRisk[principal]
                        + (maxOther > -10 ? ms.otherRoles() * maxOther : 0));
                tick(i);
            }
        }

        static boolean contains(int[] a, int len, int v) {
            for (int x = 0; x < len; x++) if (a[x] == v) return true;
            return false;
        }

        // ------------------------------------ risk ----------------------------------------------------
        private void planRisk() {
            double[] clusterShock = new double[numClusters];
            SplittableRandom cr = Rand.of(seed, S_RISK, -1);
            for (int c = 0; c < numClusters; c++) clusterShock[c] = 0.5 * cr.nextGaussian();
            for (int i = 0; i < n; i++) {
                SplittableRandom r = Rand.of(seed, S_RISK, i);
                int s = seg[i];
                double b = -1.2;
                if (s == 0) b += mr.unsupervisedEffect();
                else {
                    double m = -1;
                    for (int x = 0; x < SEG_COUNT; x++) if ((s & (1 << x)) != 0) m = Math.max(m, segEffect[x]);
                    b += m;
                }
                double age = (endDay - est[i]) / 365.25;
                b += age < 1 ? 0.7 : age < 3 ? 0.35 : age > 15 ? -0.3 : 0;
                if (cap[i] > 0) b -= 0.2 * (StrictMath.log10(cap[i] + 1.0) - 3);
                if (type[i] == T_INDIVIDUAL) b += 0.3;
                if ((flags[i] & F_SHELL) != 0) b += 2.5 + clusterShock[addrGroup[i]];
                if ((flags[i] & F_TIED) != 0) b += 1.0;
                b += 1.0 * r.nextGaussian();
                base[i] = (float) b;
            }
            double mean = 0;
            for (int i = 0; i < n; i++) mean += base[i];
            mean /= n;
            double c = p.contagion();
            // supplier aggregation buffers
            float[] z = new float[n];
            for (int i = 0; i < n; i++) z[i] = (float) (base[i] + c * personAgg[i]);
            for (int iter = 0; iter < 4; iter++) {
                double zbar = 0;
                for (int i = 0; i < n; i++) zbar += z[i];
                zbar /= n;
                for (int i = 0; i < n; i++) {
                    double net = personAgg[i];
                    int up = owner[i] >= 0 ? owner[i] : branchOf[i];
                    if (up >= 0) net += (branchOf[i] >= 0 ? ms.branchParent() : ms.owner()) * (z[up] - zbar);
                    int s0 = supStart[i], s1 = supStart[i + 1];
                    if (s1 > s0) {
                        double acc = 0;
                        for (int x = s0; x < s1; x++) acc += z[supList[x]];
                        net += ms.suppliers() * (acc / (s1 - s0) - zbar);
                    }
                    z[i] = (float) (base[i] + c * net);
                }
            }
            for (int i = 0; i < n; i++) netLogit[i] = z[i] - base[i];
            // statuses (risk-linked) before calibration: closed firms do not count in the rate
            float[] tmpP = new float[n];
            double target = p.targetViolationRate();
            shift = calibrate(z, target, mean);
            for (int i = 0; i < n; i++) {
                double pr = Rand.sigmoid(z[i] + shift);
                tmpP[i] = (float) pr;
                SplittableRandom r = Rand.of(seed, S_RISK, 2_000_000_000L + i);
                double u = r.nextDouble();
                if (u < 0.03 && (flags[i] & F_AGENT_FIRM) == 0) {
                    status[i] = ST_CANCELLED;
                } else if (u < 0.03 + 0.005 + 0.04 * pr && (flags[i] & F_AGENT_FIRM) == 0) {
                    status[i] = ST_REVOKED;
                } else if (r.nextDouble() < 0.02 + mr.abnormalPerRisk() * pr) {
                    status[i] = ST_ABNORMAL;
                }
                if (status[i] == ST_CANCELLED || status[i] == ST_REVOKED) {
                    int lo = Math.max(est[i] + 30, startDay);
                    if (lo >= endDay) lo = endDay - 1;
                    closeDay[i] = lo + r.nextInt(Math.max(1, endDay - lo));
                    flags[i] |= F_CLOSED;
                }
            }
            // recalibrate on open firms only
            shift = calibrateOpen(z, target);
            for (int i = 0; i < n; i++) risk[i] = (float) Rand.sigmoid(z[i] + shift);
        }

        private double calibrate(float[] z, double target, double unused) {
            double lo = -20, hi = 20;
            for (int it = 0; it < 40; it++) {
                double mid = (lo + hi) / 2, s = 0;
                for (int i = 0; i < n; i++) s += Rand.sigmoid(z[i] + mid);
                if (s / n > target) hi = mid; else lo = mid;
            }
            return (lo + hi) / 2;
        }

        private double calibrateOpen(float[] z, double target) {
            double lo = -20, hi = 20;
            for (int it = 0; it < 40; it++) {
                double mid = (lo + hi) / 2, s = 0;
                int m = 0;
                for (int i = 0; i < n; i++) {
                    if ((flags[i] & F_CLOSED) != 0) continue;
                    s += Rand.sigmoid(z[i] + mid);
                    m++;
                }
                if (m == 0 || s / m > target) hi = mid; else lo = mid;
            }
            return (lo + hi) / 2;
        }

        // ======================================= writing ==============================================
        Map<String, Long> write(Path dir) throws IOException {
            Map<String, Long> rows = new LinkedHashMap<>();
            writeEnterprises(dir, rows);
            writePersons(dir, rows);
            writeRoles(dir, rows);
            writeLinks(dir, rows);
            writeInspectors(dir, rows);
            writeEvents(dir, rows);
            return rows;
        }

        Table open(Path dir, String file, List<String> header) throws IOException {
            return new Table(dir.resolve(file), header);
        }

        // ------------------ identities ------------------
        private static final long OLD_A = 41_592_653L, NEW_A = 271_828_183L;
        private static final long OLD_M = 100_000_000L, NEW_M = 887_503_681L; // 10^8, 31^6
        private static final int MA_DAY = (int) LocalDate.of(2015, 10, 1).toEpochDay();
        private static final int[] ORG_W = {3, 7, 9, 10, 5, 8, 4, 2};

        String uscc(int i) {
            StringBuilder b = new StringBuilder(18);
            int t = type[i];
            b.append('9').append(t == T_INDIVIDUAL ? '2' : t == T_COOP ? '3' : '1');
            b.append(Vocab.DISTRICT_CODES[district[i]]);
            long off = Rand.mix(seed) & 0xFFFFFFFL;
            if (est[i] >= MA_DAY) {
                long v = ((long) i * NEW_A + off) % NEW_M;
                b.append("MA");
                char[] c = new char[6];
                for (int x = 5; x >= 0; x--) {
                    c[x] = Uscc.ALPHABET.charAt((int) (v % 31));
                    v /= 31;
                }
                b.append(c);
            } else {
                long v = ((long) i * OLD_A + off) % OLD_M;
                String digits = Long.toString(v + OLD_M).substring(1);
                b.append(digits);
            }
            b.append(orgCheck(b, 8));
            return Uscc.complete(b);
        }

        /** GB 11714 check character of the 8 characters starting at {@code from}. */
        static char orgCheck(CharSequence s, int from) {
            int sum = 0;
            for (int x = 0; x < 8; x++) {
                char ch = s.charAt(from + x);
                int v = ch <= '9' ? ch - '0' : ch - 'A' + 10;
                sum += v * ORG_W[x];
            }
            int c = 11 - sum % 11;
            return c == 10 ? 'X' : c == 11 ? '0' : (char) ('0' + c);
        }

        String enterpriseName(int i) {
            SplittableRandom r = Rand.of(seed, S_NAME, i);
            String brand = Vocab.brand(r);
            int t = type[i];
            int s = seg[i];
            int primary = s == 0 ? -1 : Integer.numberOfTrailingZeros(s);
            String industry = primary >= 0 ? Vocab.INDUSTRY[Vocab.SEGMENT_INDUSTRY[primary]]
                    : Vocab.INDUSTRY[14 + r.nextInt(Vocab.INDUSTRY.length - 14)];
            String dn = Vocab.DISTRICTS[district[i]];
            String dshort = dn.endsWith("新区") ? dn.substring(0, dn.length() - 2) : dn.substring(0, dn.length() - 1);
            if ((flags[i] & F_AGENT_FIRM) != 0) return "上海" + brand + "企业登记代理有限公司";
            if (t == T_BRANCH) return enterpriseName(branchOf[i]) + dshort + "第" + (1 + r.nextInt(30)) + "分公司";
            if (t == T_INDIVIDUAL) {
                String shop = (s & B_CATERING) != 0 ? "小吃店" : (s & B_FOOD_SALES) != 0 ? "便利店"
                        : (s & B_DRUG) != 0 ? "药房" : "经营部";
                return dshort + brand + shop;
            }
            if (t == T_PARTNERSHIP) return "上海" + brand + "企业管理合伙企业（有限合伙）";
            if (t == T_SOLE) return "上海" + dshort + brand + industry + "工作室";
            if (t == T_COOP) return "上海" + dshort + brand + "农业专业合作社";
            if (t == T_OTHER) return "上海" + brand + industry + "研究所";
            return "上海" + brand + industry + (cap[i] >= 50_000 ? "股份有限公司" : "有限公司");
        }

        String groupAddress(int g) {
            SplittableRandom r = Rand.of(seed, S_ADDR, -1L - g);
            int d;
            if (g < numClusters) {
                return "上海市" + Vocab.DISTRICTS[anyDistrictOfGroup(g)] + Vocab.ROADS[r.nextInt(Vocab.ROADS.length)]
                        + (1 + r.nextInt(999)) + "号" + (1 + r.nextInt(20)) + "0" + (1 + r.nextInt(9)) + "室";
            }
            d = anyDistrictOfGroup(g);
            return "上海市" + Vocab.DISTRICTS[d] + Vocab.ROADS[r.nextInt(Vocab.ROADS.length)] + (1 + r.nextInt(999))
                    + "号" + (1 + r.nextInt(9)) + "幢" + (char) ('A' + r.nextInt(6)) + "区";
        }

        private int[] groupDistrict;

        int anyDistrictOfGroup(int g) {
            if (groupDistrict == null) {
                groupDistrict = new int[numClusters + numAgents];
                for (int i = 0; i < n; i++) if (addrGroup[i] >= 0) groupDistrict[addrGroup[i]] = district[i];
            }
            return groupDistrict[g];
        }

        private String[] groupAddrCache, groupPhoneCache;

        String address(int i) {
            int g = addrGroup[i];
            if (g >= 0) {
                if (groupAddrCache == null) groupAddrCache = new String[numClusters + numAgents];
                if (groupAddrCache[g] == null) groupAddrCache[g] = groupAddress(g);
                return groupAddrCache[g];
            }
            SplittableRandom r = Rand.of(seed, S_ADDR, i);
            StringBuilder b = new StringBuilder("上海市").append(Vocab.DISTRICTS[district[i]])
                    .append(Vocab.ROADS[r.nextInt(Vocab.ROADS.length)]).append(1 + r.nextInt(2000)).append('号');
            if (r.nextDouble() < 0.6) b.append(1 + r.nextInt(30)).append(String.format("%02d", 1 + r.nextInt(20))).append('室');
            return b.toString();
        }

        String phone(int i) {
            int g = phoneGroup[i];
            if (g >= 0) {
                if (groupPhoneCache == null) groupPhoneCache = new String[numClusters + numAgents];
                if (groupPhoneCache[g] == null) groupPhoneCache[g] = phoneFrom(Rand.of(seed, S_ADDR, -1_000_000_000L - g));
                return groupPhoneCache[g];
            }
            SplittableRandom r = Rand.of(seed, S_ADDR, 3_000_000_000L + i);
            if (r.nextDouble() < 0.05) return null;
            return phoneFrom(r);
        }

        static String phoneFrom(SplittableRandom r) {
            if (r.nextDouble() < 0.6) {
                String[] pre = {"13", "15", "18", "17", "19"};
                return pre[r.nextInt(pre.length)] + String.format("%09d", r.nextInt(1_000_000_000));
            }
            return "021-" + (5 + r.nextInt(2)) + String.format("%07d", r.nextInt(10_000_000));
        }

        // ------------------ enterprises ------------------
        private void writeEnterprises(Path dir, Map<String, Long> rows) throws IOException {
            pl.start("write " + ENTERPRISES, n);
            try (Table t = open(dir, ENTERPRISES, HEADERS.get(ENTERPRISES))) {
                for (int i = 0; i < n; i++) {
                    SplittableRandom r = Rand.of(seed, S_EXTRA, i);
                    String regCap = null, paid = null;
                    if (cap[i] > 0) {
                        long capCny = cap[i] * 1000L;
                        regCap = Long.toString(capCny);
                        long paidCny;
                        if ((flags[i] & F_SHELL) != 0) paidCny = r.nextDouble() < 0.8 ? 0 : 1000L * (1 + r.nextInt(10));
                        else if (type[i] == T_INDIVIDUAL || type[i] == T_SOLE) paidCny = capCny;
                        else if (r.nextDouble() < 0.45) paidCny = 0; // subscribed capital, not yet paid in
                        else paidCny = Math.round(capCny * (0.1 + 0.9 * r.nextDouble()) / 1000) * 1000;
                        paid = Long.toString(paidCny);
                    }
                    int emp;
                    if ((flags[i] & F_SHELL) != 0) emp = r.nextInt(2);
                    else if (type[i] == T_INDIVIDUAL) emp = 1 + r.nextInt(6);
                    else emp = (int) Math.max(1, Math.min(50_000, Rand.logNormal(r, 6 * Math.max(1,
                            Math.pow(Math.max(cap[i], 100) / 1000.0, 0.3)), 1.0)));
                    t.row(uscc(i), enterpriseName(i), TYPES[type[i]].name(), STATUS[status[i]], day(est[i]), regCap, paid,
                            Vocab.DISTRICTS[district[i]], address(i), phone(i), segments(seg[i]), emp);
                    tick(i);
                }
                rows.put(ENTERPRISES, t.rows);
            }
            pl.finish("write " + ENTERPRISES);
        }

        private final String[] segCache = new String[1 << SEG_COUNT];

        String segments(int s) {
            if (s == 0) return null;
            String v = segCache[s];
            if (v == null) {
                StringBuilder b = new StringBuilder();
                for (int x = 0; x < SEG_COUNT; x++) {
                    if ((s & (1 << x)) != 0) {
                        if (b.length() > 0) b.append('|');
                        b.append(Segment.values()[x].name());
                    }
                }
                segCache[s] = v = b.toString();
            }
            return v;
        }

        // ------------------ persons ------------------
        static String personId(int q) { return "P" + (100_000_000 + q); }

        String personName(int q) { return Vocab.personName(Rand.of(seed, S_PATTR, q)); }

        private static final String[] OTHER_REGIONS = {"320102", "320583", "330106", "330203", "340104", "350203",
                "360102", "370102", "410105", "420106", "430104", "440106", "510107", "610113", "230103", "130104"};

        private void writePersons(Path dir, Map<String, Long> rows) throws IOException {
            pl.start("write " + PERSONS, numPersons);
            try (Table t = open(dir, PERSONS, HEADERS.get(PERSONS))) {
                for (int q = 0; q < numPersons; q++) {
                    SplittableRandom r = Rand.of(seed, S_PATTR, q);
                    String name = Vocab.personName(r);
                    String id = null;
                    if (r.nextDouble() < 0.82) {
                        String region = r.nextDouble() < 0.65 ? Vocab.DISTRICT_CODES[r.nextInt(16)]
                                : OTHER_REGIONS[r.nextInt(OTHER_REGIONS.length)];
                        int ageDays = 22 * 365 + r.nextInt(48 * 365);
                        LocalDate birth = LocalDate.ofEpochDay(endDay - ageDays);
                        String first17 = region + String.format("%04d%02d%02d", birth.getYear(), birth.getMonthValue(),
                                birth.getDayOfMonth()) + String.format("%03d", r.nextInt(1000));
                        id = ResidentId.complete(first17);
                    }
                    String phone = r.nextDouble() < 0.7 ? phoneFrom(r) : null;
                    String address = null;
                    if (r.nextDouble() < 0.5) {
                        address = "上海市" + Vocab.DISTRICTS[r.nextInt(16)] + Vocab.ROADS[r.nextInt(Vocab.ROADS.length)]
                                + (1 + r.nextInt(1500)) + "弄" + (1 + r.nextInt(80)) + "号" + (1 + r.nextInt(25)) + "0"
                                + (1 + r.nextInt(6)) + "室";
                    }
                    if (q >= inspectorPersonBase) {
                        int k = q - inspectorPersonBase;
                        int j = tieEnterpriseOfInspector[k];
                        if (j >= 0 && tieKindOfInspector[k] == 1) address = address(j);
                        if (j >= 0 && tieKindOfInspector[k] == 2) {
                            String ph = phone(j);
                            if (ph != null) phone = ph;
                            else address = address(j);
                        }
                    }
                    t.row(personId(q), name, id, phone, address);
                    tick(q);
                }
                rows.put(PERSONS, t.rows);
            }
            pl.finish("write " + PERSONS);
        }

        // ------------------ roles ------------------
        private void writeRoles(Path dir, Map<String, Long> rows) throws IOException {
            pl.start("write " + ROLES, n);
            int[] role = new int[16], who = new int[16], share = new int[16];
            int cursor = 0;
            try (Table t = open(dir, ROLES, HEADERS.get(ROLES))) {
                for (int i = 0; i < n; i++) {
                    int k = rolePlan(i, role, who, share);
                    SplittableRandom r = Rand.of(seed, S_EXTRA, 5_000_000_000L + i);
                    String u = uscc(i);
                    int principal = -1;
                    for (int x = 0; x < k; x++) {
                        int q;
                        if (who[x] == W_NOMINEE) q = nomineeBase + nomineeOfCluster[addrGroup[i]];
                        else if (who[x] == W_PRINCIPAL) q = principal;
                        else q = slots[cursor++];
                        if (x == 0) principal = q;
                        int since = est[i];
                        if (r.nextDouble() < 0.15 && endDay - est[i] > 400) since = est[i] + r.nextInt(endDay - est[i]);
                        t.row(personId(q), u, ROLE_NAMES[role[x]], role[x] == R_SH ? share(share[x]) : null, day(since),
                                null);
                    }
                    int[] tie = ties.get(i);
                    if (tie != null && tie[1] == 0) {
                        int q = inspectorPersonBase + tie[0];
                        t.row(personId(q), u, r.nextDouble() < 0.5 ? "SUPERVISOR" : "CONTACT", null,
                                day(Math.max(est[i], endDay - 900 - r.nextInt(900))), null);
                    }
                    tick(i);
                }
                rows.put(ROLES, t.rows);
            }
            pl.finish("write " + ROLES);
        }

        static String share(int bp) {
            if (bp >= 10000) return "1";
            String s = String.format("0.%04d", bp);
            int end = s.length();
            while (s.charAt(end - 1) == '0') end--;
            return s.substring(0, end);
        }

        // ------------------ links ------------------
        private void writeLinks(Path dir, Map<String, Long> rows) throws IOException {
            try (Table t = open(dir, LINKS, HEADERS.get(LINKS))) {
                for (int i = 0; i < n; i++) {
                    if (owner[i] >= 0) t.row(uscc(owner[i]), uscc(i), "INVESTS_IN", share(ownerShare[i]), day(est[i]), null);
                    if (branchOf[i] >= 0) t.row(uscc(i), uscc(branchOf[i]), "BRANCH_OF", null, day(est[i]), null);
                }
                for (int k = 0; k < lFrom.size; k++) {
                    int kind = lKindShare.a[k] >>> 16, bp = lKindShare.a[k] & 0xFFFF;
                    int from = lFrom.a[k], to = lTo.a[k];
                    int since = Math.max(lSince.a[k], Math.max(est[from], est[to]));
                    String until = null;
                    if (kind == LINK_GUARANTEES && since < endDay - 400 && ((k * 7) % 3 == 0)) until = day(since + 365);
                    t.row(uscc(from), uscc(to), LINK_NAMES[kind], kind == LINK_INVESTS ? share(bp) : null, day(since), until);
                }
                rows.put(LINKS, t.rows);
            }
        }

        // ------------------ inspectors ------------------
        static String inspectorId(int k) { return "INSP" + (100_000 + k); }

        private static final String[] STATIONS = {"执法大队", "第一市场监管所", "第二市场监管所", "第三市场监管所", "食品药品稽查支队",
                "特种设备监察科"};

        private void writeInspectors(Path dir, Map<String, Long> rows) throws IOException {
            try (Table t = open(dir, INSPECTORS, HEADERS.get(INSPECTORS))) {
                for (int k = 0; k < numInspectors; k++) {
                    SplittableRandom r = Rand.of(seed, S_INSP, k);
                    int q = inspectorPersonBase + k;
                    String dn = Vocab.DISTRICTS[inspDistrict[k]];
                    t.row(inspectorId(k), personName(q), dn + "市场监督管理局" + STATIONS[r.nextInt(STATIONS.length)], dn,
                            personId(q));
                }
                rows.put(INSPECTORS, t.rows);
            }
        }

        // ------------------ events ------------------
        long inspSeq, sampleSeq, caseSeq, complaintSeq, courtSeq, alertSeq;

        private void writeEvents(Path dir, Map<String, Long> rows) throws IOException {
            pl.start("write events", n);
            long positives = 0;
            try (Table ins = open(dir, INSPECTIONS, HEADERS.get(INSPECTIONS));
                 Table sam = open(dir, SAMPLES, HEADERS.get(SAMPLES));
                 Table pen = open(dir, PENALTIES, HEADERS.get(PENALTIES));
                 Table com = open(dir, COMPLAINTS, HEADERS.get(COMPLAINTS));
                 Table court = open(dir, COURT_RECORDS, HEADERS.get(COURT_RECORDS));
                 Table al = open(dir, ALERTS, HEADERS.get(ALERTS));
                 Table truth = open(dir, TRUTH, TRUTH_HEADER)) {
                EventSink sink = new EventSink(ins, sam, pen, com, court, al);
                for (int i = 0; i < n; i++) {
                    SplittableRandom r = Rand.of(seed, S_EVENTS, i);
                    String u = uscc(i);
                    enterpriseHistory(i, u, r, sink);
                    double pNext = inViolation ? risk[i] + RHO * (1 - risk[i]) : risk[i] * (1 - RHO);
                    boolean label = (flags[i] & F_CLOSED) == 0 && r.nextDouble() < pNext;
                    if (label) positives++;
                    int g = addrGroup[i];
                    int[] tie = ties.get(i);
                    truth.row(u, fixed(risk[i]), label, fixed(base[i]), fixed(netLogit[i]),
                            (flags[i] & F_SHELL) != 0 ? "SC" + g : null,
                            (flags[i] & F_AGENT_HOSTED) != 0 ? "FA" + (g - numClusters) : null,
                            group[i] >= 0 ? "G" + group[i] : null, group[i] >= 0 ? groupDepth[i] : null,
                            (flags[i] & F_CYCLE) != 0, tie != null ? inspectorId(tie[0]) : null);
                    tick(i);
                }
                pl.finish("write events");
                // court records of persons
                pl.start("write person court records", numPersons);
                for (int q = 0; q < numPersons; q++) {
                    SplittableRandom r = Rand.of(seed, S_PCOURT, q);
                    double lambda = 0.004 + mr.personCourtRate() * Rand.sigmoid(2.5 * (personRisk[q] - 2.0));
                    int k = Rand.poisson(r, lambda);
                    for (int x = 0; x < k; x++) {
                        int d = startDay + r.nextInt(endDay - startDay + 1);
                        courtRecord(sink, personId(q), "PERSON", d, r, 0.5);
                    }
                    tick(q);
                }
                pl.finish("write person court records");
                rows.put(INSPECTIONS, ins.rows);
                rows.put(SAMPLES, sam.rows);
                rows.put(PENALTIES, pen.rows);
                rows.put(COMPLAINTS, com.rows);
                rows.put(COURT_RECORDS, court.rows);
                rows.put(ALERTS, al.rows);
                rows.put(TRUTH, truth.rows);
            }
            observedViolationRate = (double) positives / n;
        }

        static String fixed(double x) {
            long v = Math.round(x * 1_000_000);
            String sign = v < 0 ? "-" : "";
            v = Math.abs(v);
            String frac = Long.toString(v % 1_000_000 + 1_000_000).substring(1);
            return sign + (v / 1_000_000) + "." + frac;
        }

        /** persistence of the violation state from one half-year to the next */
        static final double RHO = 0.4;
        boolean inViolation;

        record EventSink(Table ins, Table sam, Table pen, Table com, Table court, Table al) {}

        private static final String[] ALERT_KINDS = {"NO_HAT", "NO_MASK", "NO_UNIFORM", "SMOKING", "RODENT", "OTHER"};
        private static final double[] ALERT_W = {35, 30, 15, 10, 5, 5};

        private void enterpriseHistory(int i, String u, SplittableRandom r, EventSink sink) throws IOException {
            int s = seg[i];
            double pr = risk[i];
            boolean supervised = s != 0;
            boolean consumer = (s & CONSUMER_SEGS) != 0;
            boolean smart = (flags[i] & F_SMART) != 0;
            boolean tied = (flags[i] & F_TIED) != 0;
            int tiedInspector = tied ? ties.get(i)[0] : -1;
            int first = Math.max(est[i], startDay);
            int last = (flags[i] & F_CLOSED) != 0 ? closeDay[i] - 1 : endDay;
            double sampleRate = ((s & B_FOOD_PROD) != 0 ? 0.5 : 0) + ((s & B_SPECIAL_FOOD) != 0 ? 0.5 : 0)
                    + ((s & B_FOOD_SALES) != 0 ? 0.15 : 0) + ((s & B_CATERING) != 0 ? 0.08 : 0)
                    + ((s & B_COSMETICS) != 0 ? 0.2 : 0) + ((s & B_INDUSTRIAL) != 0 ? 0.2 : 0);
            int priorIssues = 0;
            inViolation = false;
            for (int h = 0; h < halfYears; h++) {
                int hs = halfStart[h], he = halfStart[h + 1] - 1;
                int lo = Math.max(hs, first), hi = Math.min(he, last);
                if (lo > hi) continue;
                double frac = (hi - lo + 1.0) / (he - hs + 1.0);
                // violation state: a two-state Markov chain with stationary probability pr and persistence RHO
                boolean v = r.nextDouble() < (h == 0 || !inViolation ? pr * (h == 0 ? 1 : 1 - RHO) : pr + RHO * (1 - pr));
                inViolation = v;
                // complaints, each may trigger a complaint inspection
                double lc = frac * (consumer ? 0.04 + (v ? mr.complaintsIfViolated() : 0.06)
                        : 0.004 + (v ? mr.complaintsIfViolatedOther() : 0.0));
                int nc = Rand.poisson(r, lc);
                for (int x = 0; x < nc; x++) {
                    int d = lo + r.nextInt(hi - lo + 1);
                    Boolean verified = d > endDay - 20 ? null : r.nextDouble() < (v ? mr.complaintVerifiedIfViolated() : 0.12);
                    String cat = (s & (B_CATERING | B_FOOD_SALES | B_FOOD_PROD)) != 0 && r.nextDouble() < 0.6
                            ? "FOOD_SAFETY" : Vocab.COMPLAINT_CATEGORIES[r.nextInt(Vocab.COMPLAINT_CATEGORIES.length)];
                    sink.com.row("Q" + (1_000_000_000L + complaintSeq++), u, day(d),
                            Vocab.COMPLAINT_CHANNELS[Vocab.weighted(Vocab.COMPLAINT_CHANNEL_W, 100, r)], cat, verified);
                    if (verified == null || verified || r.nextDouble() < 0.2) {
                        if (r.nextDouble() < mt.complaintInspectionShare()) {
                            int di = d + 3 + r.nextInt(12);
                            if (di <= last) priorIssues += inspection(i, u, di, "COMPLAINT", v, pr, tiedInspector, r, sink);
                        }
                    }
                }
                // double random, routine, campaign, remote inspections
                int ndr = Rand.poisson(r, frac * (supervised ? mt.doubleRandomSupervised() : mt.doubleRandomOther()));
                for (int x = 0; x < ndr; x++) {
                    priorIssues += inspection(i, u, lo + r.nextInt(hi - lo + 1), "DOUBLE_RANDOM", v, pr, tiedInspector, r, sink);
                }
                double routine = ((s & routineSegs) != 0 ? mt.routineRate() : 0)
                        + (supervised && priorIssues > 0 ? mt.followUpRate() : 0);
                int nr = Rand.poisson(r, frac * routine);
                for (int x = 0; x < nr; x++) {
                    priorIssues += inspection(i, u, lo + r.nextInt(hi - lo + 1), "ROUTINE", v, pr, tiedInspector, r, sink);
                }
                if ((s & (B_CATERING | B_FOOD_SALES)) != 0) {
                    int ncp = Rand.poisson(r, frac * mt.campaignRate());
                    for (int x = 0; x < ncp; x++) {
                        priorIssues += inspection(i, u, lo + r.nextInt(hi - lo + 1), "CAMPAIGN", v, pr, tiedInspector, r, sink);
                    }
                }
                if (smart) {
                    int nrm = Rand.poisson(r, frac * mt.remoteRate());
                    for (int x = 0; x < nrm; x++) {
                        priorIssues += inspection(i, u, lo + r.nextInt(hi - lo + 1), "REMOTE", v, pr, tiedInspector, r, sink);
                    }
                    // smart kitchen alerts
                    int na = Rand.poisson(r, frac * (0.8 + (v ? mr.alertsIfViolated() : 0.5)));
                    for (int x = 0; x < na; x++) {
                        int d = lo + r.nextInt(hi - lo + 1);
                        int secs = 10 * 3600 + r.nextInt(12 * 3600);
                        int kind = Vocab.weighted(ALERT_W, 100, r);
                        boolean open = d >= endDay - 1 || r.nextDouble() > 0.95 - 0.4 * pr;
                        String disposed = null;
                        if (!open) {
                            int dsec = secs + 600 + (int) Math.min(5 * 86400, -6 * 3600 * StrictMath.log(1 - r.nextDouble()));
                            if (d + dsec / 86400 > endDay) open = true;
                            else disposed = timestamp(d + dsec / 86400, dsec % 86400);
                        }
                        sink.al.row("A" + (1_000_000_000L + alertSeq++), u, timestamp(d, secs), ALERT_KINDS[kind],
                                Vocab.ALERT_SOURCES[r.nextInt(2)], open ? "OPEN" : "DISPOSED", disposed);
                        if (kind == 4 && r.nextDouble() < 0.5 && d + 2 <= last) {
                            priorIssues += inspection(i, u, d + 1 + r.nextInt(2), "TRIGGERED", v, pr, tiedInspector, r, sink);
                        }
                    }
                }
                // samples
                if (sampleRate > 0) {
                    int ns = Rand.poisson(r, frac * sampleRate);
                    for (int x = 0; x < ns; x++) {
                        int d = lo + r.nextInt(hi - lo + 1);
                        int producer = -1;
                        int s0 = supStart[i], s1 = supStart[i + 1];
                        if (s1 > s0 && r.nextDouble() < 0.7) producer = supList[s0 + r.nextInt(s1 - s0)];
                        int cat = sampleCategory(s, r);
                        double fail = 0.005 + (v ? mr.sampleFailIfViolated() : 0.005)
                                + (producer >= 0 ? 0.2 * risk[producer] : 0);
                        boolean failed = r.nextDouble() < fail;
                        String items = null;
                        if (failed) {
                            String[] opts = Vocab.FAILED_ITEMS[cat];
                            items = opts[r.nextInt(opts.length)];
                            if (r.nextDouble() < 0.15) {
                                String second = opts[r.nextInt(opts.length)];
                                if (!second.equals(items)) items = items + "|" + second;
                            }
                        }
                        String[] prods = Vocab.SAMPLE_PRODUCTS[cat];
                        sink.sam.row("S" + (1_000_000_000L + sampleSeq++), u, producer >= 0 ? uscc(producer) : null,
                                day(d), prods[r.nextInt(prods.length)], Vocab.SAMPLE_CATEGORIES[cat],
                                failed ? "FAIL" : "PASS", items);
                        if (failed) {
                            if (r.nextDouble() < mt.failedSampleTrigger() && d + 3 <= last) {
                                priorIssues += inspection(i, u, d + 1 + r.nextInt(3), "TRIGGERED", v, pr, tiedInspector, r, sink);
                            }
                            if (r.nextDouble() < 0.4) penaltyCase(sink, u, d + 10 + r.nextInt(30), s, r);
                        }
                    }
                }
                // court records of the enterprise
                int nl = Rand.poisson(r, frac * (0.012 + mr.lawsuitsPerRisk() * pr + (v ? mr.lawsuitsIfViolated() : 0)));
                for (int x = 0; x < nl; x++) courtRecord(sink, u, "ENTERPRISE", lo + r.nextInt(hi - lo + 1), r, 0.0);
                int nd = Rand.poisson(r, frac * (0.003 + 0.2 * pr * pr + (v ? mr.dishonestIfViolated() : 0)));
                for (int x = 0; x < nd; x++) courtRecord(sink, u, "ENTERPRISE", lo + r.nextInt(hi - lo + 1), r, 1.0);
            }
        }

        static int sampleCategory(int s, SplittableRandom r) {
            if ((s & B_SPECIAL_FOOD) != 0 && r.nextDouble() < 0.5) return r.nextDouble() < 0.7 ? 7 : 8;
            if ((s & B_COSMETICS) != 0) return 9;
            if ((s & B_INDUSTRIAL) != 0) return 10;
            if ((s & B_CATERING) != 0 && r.nextDouble() < 0.4) return 5; // tableware
            return r.nextInt(7);
        }

        String timestamp(int day, int secs) {
            return day(day) + "T" + two(secs / 3600) + ":" + two(secs / 60 % 60) + ":" + two(secs % 60) + "+08:00";
        }

        static String two(int v) { return v < 10 ? "0" + v : Integer.toString(v); }

        /** One inspection; returns 1 when a real violation was found. */
        private int inspection(int i, String u, int d, String kind, boolean v, double pr, int tiedInspector,
                               SplittableRandom r, EventSink sink) throws IOException {
            int[] pool = inspByDistrict[district[i]];
            int a = pool[r.nextInt(pool.length)];
            if (tiedInspector >= 0 && r.nextDouble() < 0.6) a = tiedInspector;
            String team;
            if (kind.equals("REMOTE") || pool.length < 2) team = inspectorId(a);
            else {
                int b = pool[r.nextInt(pool.length)];
                if (b == a) b = pool[(indexOf(pool, a) + 1) % pool.length];
                team = inspectorId(a) + "|" + inspectorId(b);
            }
            boolean shielded = tiedInspector >= 0 && a == tiedInspector;
            double detect = v ? (kind.equals("REMOTE") ? mr.remoteDetection() : mr.detection()) : 0;
            double minor = 0.02 + 0.08 * pr;
            if (shielded) {
                detect *= 0.2;
                minor = 0.01;
            }
            boolean serious = r.nextDouble() < detect;
            boolean found = serious || r.nextDouble() < minor;
            int issues = found ? (serious ? 1 + Rand.poisson(r, 1.0) : 1) : 0;
            Boolean rectified = found ? r.nextDouble() < 0.982 : null;
            String code = d >= CODE_DAY && r.nextDouble() < 0.9
                    ? "JC" + Vocab.DISTRICT_CODES[district[i]] + day(d).replace("-", "") + String.format("%07d", inspSeq % 10_000_000)
                    : null;
            sink.ins.row("I" + (1_000_000_000L + inspSeq++), u, day(d), kind, team, found ? "ISSUES_FOUND" : "NO_ISSUES",
                    issues, rectified, code);
            if (serious) {
                if (r.nextDouble() < 0.6) {
                    sink.pen.row("C" + (1_000_000_000L + caseSeq++), u, day(Math.min(endDay, d + r.nextInt(8))), "CORRECTIVE_NOTICE", null,
                            violation(seg[i]), "NONE");
                }
                if (r.nextDouble() < 0.33) penaltyCase(sink, u, d + 7 + r.nextInt(40), seg[i], r);
            } else if (found && r.nextDouble() < 0.15) {
                sink.pen.row("C" + (1_000_000_000L + caseSeq++), u, day(Math.min(endDay, d + r.nextInt(8))), "CORRECTIVE_NOTICE", null,
                        violation(seg[i]), "NONE");
            }
            return serious ? 1 : 0;
        }

        private static final int CODE_DAY = (int) LocalDate.of(2024, 1, 1).toEpochDay();

        static int indexOf(int[] a, int v) {
            for (int x = 0; x < a.length; x++) if (a[x] == v) return x;
            return 0;
        }

        static String violation(int s) {
            return s == 0 ? Vocab.GENERIC_VIOLATION : Vocab.VIOLATIONS_BY_SEGMENT[Integer.numberOfTrailingZeros(s)];
        }

        private static final String[] CASE_KINDS = {"FINE", "WARNING", "CONFISCATION", "SUSPENSION", "LICENSE_REVOCATION"};
        private static final double[] CASE_KIND_W = {70, 15, 10, 4, 1};

        /** An enforcement case; leniency mix of the seed report: 33 of 137 reduced, 21 exempted. */
        private void penaltyCase(EventSink sink, String u, int d, int s, SplittableRandom r) throws IOException {
            double l = r.nextDouble();
            String leniency = l < 33.0 / 137 ? "REDUCED" : l < 54.0 / 137 ? "EXEMPTED" : l < 0.5 ? "LIGHTER" : "NONE";
            int kind = Vocab.weighted(CASE_KIND_W, 100, r);
            String amount = null;
            if (kind == 0 || kind == 2) {
                double a = Rand.logNormal(r, kind == 0 ? 5000 : 2000, 1.2);
                if (leniency.equals("REDUCED")) a *= 0.4;
                else if (leniency.equals("LIGHTER")) a *= 0.7;
                if (leniency.equals("EXEMPTED")) a = 0;
                amount = Long.toString(Math.round(a / 100) * 100);
            } else if (leniency.equals("EXEMPTED")) {
                amount = "0";
            }
            sink.pen.row("C" + (1_000_000_000L + caseSeq++), u, day(Math.min(d, endDay)), CASE_KINDS[kind], amount,
                    violation(s), leniency);
        }

        private static final String[] COURT_LEVELS = {"BASIC", "INTERMEDIATE", "HIGH"};

        private void courtRecord(EventSink sink, String subject, String subjectType, int d, SplittableRandom r,
                                 double dishonestShare) throws IOException {
            double u = r.nextDouble();
            String kind, role, outcome, status = null;
            if (u < dishonestShare) {
                kind = "DISHONEST_EXECUTEE";
                role = "EXECUTEE";
                outcome = null;
                status = d < endDay - 365 && r.nextDouble() < 0.4 ? "CLEARED" : "ACTIVE";
            } else if (u < dishonestShare + (1 - dishonestShare) * 0.2) {
                kind = "ENFORCEMENT";
                role = "EXECUTEE";
                outcome = null;
                status = r.nextDouble() < 0.5 ? "CLEARED" : "ACTIVE";
            } else {
                kind = "LAWSUIT";
                role = r.nextDouble() < 0.7 ? "DEFENDANT" : "PLAINTIFF";
                double o = r.nextDouble();
                outcome = d > endDay - 120 || o < 0.15 ? "PENDING" : o < 0.5 ? "LOST" : o < 0.75 ? "WON" : "SETTLED";
            }
            long amount = Math.round(Rand.logNormal(r, 80_000, 1.3) / 100) * 100;
            sink.court.row("R" + (1_000_000_000L + courtSeq++), subject, subjectType, day(d), kind, role, outcome,
                    Vocab.LAWSUIT_CAUSES[r.nextInt(Vocab.LAWSUIT_CAUSES.length)],
                    COURT_LEVELS[r.nextDouble() < 0.85 ? 0 : r.nextDouble() < 0.9 ? 1 : 2], amount, status);
        }
    }

    // =====================================================================================================
    /** A growable int array. */
    static final class IntList {
        int[] a = new int[16];
        int size;

        void add(int v) {
            if (size == a.length) a = Arrays.copyOf(a, a.length * 2);
            a[size++] = v;
        }
    }

    /** One CSV file being written, counting data rows. */
    static final class Table implements AutoCloseable {
        private static final CSVFormat FORMAT = CSVFormat.RFC4180;
        final CSVPrinter printer;
        long rows;

        Table(Path file, List<String> header) throws IOException {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file),
                    StandardCharsets.UTF_8), 1 << 16);
            printer = new CSVPrinter(w, FORMAT);
            printer.printRecord(header);
        }

        void row(Object... values) throws IOException {
            printer.printRecord(values);
            rows++;
        }

        @Override public void close() throws IOException {
            printer.close(true);
        }
    }

    static List<String> dataFiles() { return new ArrayList<>(HEADERS.keySet()); }
}
