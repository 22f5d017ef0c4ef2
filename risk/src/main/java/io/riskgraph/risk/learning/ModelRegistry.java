package io.riskgraph.risk.learning;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.riskgraph.risk.grading.ModelSet;
import io.riskgraph.risk.grading.RiskModel;
import ml.dmlc.xgboost4j.java.Booster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The learned models of a store: {@code v1, v2, …} folders, each with {@code model.json} (features, cut-offs, the
 * sha256 of every booster file and a checksum of itself), the booster files and {@code report.txt} (the out-of-time
 * back-test it was learned with), and an {@code ACTIVE} file naming the version in use ({@code prior}, the shipped
 * scorecards, when absent). A model is validated whole before it is activated or used: a damaged or hand-edited
 * file is an error naming the file, and the active version stays what it was.
 *
 * <p>Crash safety (FaultsTest kills learn with SIGKILL while it saves): a version is written in {@code .vN.tmp},
 * every file and the folder are forced to disk, and the folder is renamed to {@code vN} in one step, so a {@code vN}
 * folder is always whole; ACTIVE is replaced the same way. An interrupted save leaves only a {@code .vN.tmp} folder,
 * which no command takes for a model: {@code models} names it as a leftover and the next save removes it.
 */
public final class ModelRegistry {
    public static final String FORMAT = "riskgraph-learned-model/1";
    public static final String PRIOR = "prior";
    static final String ACTIVE = "ACTIVE", MODEL_JSON = "model.json", REPORT = "report.txt";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper COMPACT = new ObjectMapper();

    private final Path dir;

    public ModelRegistry(Path dir) {
        if (dir == null) throw new IllegalArgumentException("the models folder is required");
        this.dir = dir;
    }

    public Path dir() { return dir; }

    /** One saved version: its number, whether it is active, and the summary learn recorded. */
    public record Entry(int version, boolean active, String asOf, String kind, String summary) {}

    public List<Entry> list() {
        String active = activeName();
        List<Entry> out = new ArrayList<>();
        for (int v : versions()) {
            String asOf = "?", kind = "?", summary = "(model.json unreadable)";
            try {
                JsonNode j = JSON.readTree(dir.resolve("v" + v).resolve(MODEL_JSON).toFile());
                asOf = j.path("asOf").asText("?");
                kind = j.path("kind").asText("?");
                summary = j.path("summary").asText("");
            } catch (IOException ignored) {
                // listed as unreadable: activate says exactly what is wrong
            }
            out.add(new Entry(v, active.equals("v" + v), asOf, kind, summary));
        }
        return out;
    }

    List<Integer> versions() {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.matches("v\\d{1,6}"))
                    .map(n -> Integer.parseInt(n.substring(1))).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * What an interrupted learn or activation left in the folder ({@code .vN.tmp} folders, {@code ACTIVE.tmp}): never
     * a model; the next save of that version removes its folder, the next activation the ACTIVE.tmp.
     */
    public List<String> leftovers() {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.matches("\\.v\\d{1,6}\\.tmp") || n.equals(ACTIVE + ".tmp"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    /** {@code prior} or {@code vN}. */
    public String activeName() {
        Path a = dir.resolve(ACTIVE);
        if (!Files.exists(a)) return PRIOR;
        try {
            String s = Files.readString(a, StandardCharsets.UTF_8).strip();
            return s.isEmpty() ? PRIOR : s;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + a + ": " + e.getMessage(), e);
        }
    }

    /** The model grading uses: the active learned version, or the prior. A damaged active model is an error. */
    public RiskModel active(ModelSet prior) {
        String a = activeName();
        if (a.equals(PRIOR)) return prior;
        return load(parseVersion(a));
    }

    /** Saves a new version (not activated); returns its number. Written to a temporary folder and moved in whole. */
    public synchronized int save(LearnedModel model, List<String> report, String summary) {
        int v = versions().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        Path tmp = dir.resolve(".v" + v + ".tmp"), target = dir.resolve("v" + v);
        try {
            Files.createDirectories(dir);
            deleteTree(tmp);
            Files.createDirectories(tmp);
            ObjectNode j = JSON.createObjectNode();
            j.put("format", FORMAT);
            j.put("version", v);
            j.put("kind", model.kind().name());
            j.put("asOf", model.asOf().toString());
            j.put("created", Instant.now().toString());
            j.put("summary", summary == null ? "" : summary);
            ArrayNode f = j.putArray("features");
            model.features().forEach(x -> f.add(x.code()));
            ArrayNode c = j.putArray("cuts");
            for (double x : model.cuts()) c.add(x);
            ArrayNode e = j.putArray("expectedDetection");
            for (double x : model.expectedDetection()) e.add(Double.isNaN(x) ? null : x);
            ObjectNode b = j.putObject("boosters");
            writeBooster(tmp, b, "general", "general.ubj", model.general());
            for (Map.Entry<String, Booster> s : model.segments().entrySet()) {
                writeBooster(tmp, b, "segment:" + s.getKey(), "segment-" + s.getKey() + ".ubj", s.getValue());
            }
            j.put("checksum", checksum(j));
            io.riskgraph.progress.PausePoint.reach(io.riskgraph.progress.PausePoint.MODEL_SAVE);
            Files.writeString(tmp.resolve(MODEL_JSON), JSON.writeValueAsString(j), StandardCharsets.UTF_8);
            Files.write(tmp.resolve(REPORT), report, StandardCharsets.UTF_8);
            try (Stream<Path> files = Files.list(tmp)) {
                for (Path x : files.toList()) force(x);
            }
            force(tmp);
            move(tmp, target);
            force(dir);
            return v;
        } catch (IOException ex) {
            throw new IllegalStateException("cannot save model v" + v + " in " + dir + ": " + ex.getMessage(), ex);
        }
    }

    private static void writeBooster(Path folder, ObjectNode boosters, String key, String file, Booster booster) throws IOException {
        byte[] bytes = Trees.bytes(booster);
        Files.write(folder.resolve(file), bytes);
        ObjectNode o = boosters.putObject(key);
        o.put("file", file);
        o.put("sha256", sha256(bytes));
    }

    /** Loads and validates a version; every problem is an IllegalArgumentException naming the file. */
    public LearnedModel load(int v) {
        Path folder = dir.resolve("v" + v);
        Path file = folder.resolve(MODEL_JSON);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("model v" + v + " does not exist in " + dir + "; 'riskgraph models' lists the versions");
        }
        JsonNode j;
        try {
            j = JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + " is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
        }
        if (!(j instanceof ObjectNode o)) throw new IllegalArgumentException(file + " must hold a JSON object");
        if (!FORMAT.equals(o.path("format").asText())) {
            throw new IllegalArgumentException(file + ": format must be " + FORMAT + ", got '" + o.path("format").asText() + "'");
        }
        String stored = o.path("checksum").asText("");
        ObjectNode body = o.deepCopy();
        body.remove("checksum");
        if (!stored.equals(checksum(body))) {
            throw new IllegalArgumentException(file + " was changed after learn wrote it (its checksum does not match); "
                    + "learn again or activate another version");
        }
        try {
            List<String> codes = new ArrayList<>();
            required(o, "features", file).forEach(x -> codes.add(x.asText()));
            List<Feature> features = FeatureMatrix.byCodes(codes);
            double[] cuts = doubles(required(o, "cuts", file), 3, file, "cuts");
            double[] detection = doubles(required(o, "expectedDetection", file), 4, file, "expectedDetection");
            Map<String, Booster> segments = new LinkedHashMap<>();
            Booster general = null;
            var it = required(o, "boosters", file).fields();
            while (it.hasNext()) {
                var e = it.next();
                String name = e.getValue().path("file").asText("");
                if (!name.matches("[A-Za-z0-9_.-]+\\.ubj")) throw new IllegalArgumentException(file + ": booster file name '" + name + "' is not allowed");
                Path bf = folder.resolve(name);
                if (!Files.isRegularFile(bf)) throw new IllegalArgumentException(bf + " is missing");
                byte[] bytes = Files.readAllBytes(bf);
                if (!sha256(bytes).equals(e.getValue().path("sha256").asText())) {
                    throw new IllegalArgumentException(bf + " does not match its sha256 in model.json (changed or damaged)");
                }
                Booster b = Trees.load(bytes, bf.toString());
                if (b.getNumFeature() != features.size()) {
                    throw new IllegalArgumentException(bf + " reads " + b.getNumFeature() + " features, model.json names " + features.size());
                }
                if (e.getKey().equals("general")) general = b;
                else if (e.getKey().startsWith("segment:")) segments.put(e.getKey().substring("segment:".length()), b);
                else throw new IllegalArgumentException(file + ": unknown booster '" + e.getKey() + "'");
            }
            if (general == null) throw new IllegalArgumentException(file + ": the general booster is missing");
            LocalDate asOf = LocalDate.parse(required(o, "asOf", file).asText());
            LearnParams.Kind kind = LearnParams.Kind.valueOf(required(o, "kind", file).asText());
            return new LearnedModel(v, kind, asOf, features, general, segments, cuts, detection);
        } catch (IOException | ml.dmlc.xgboost4j.java.XGBoostError e) {
            throw new IllegalArgumentException("cannot read model v" + v + ": " + e.getMessage());
        } catch (java.time.format.DateTimeParseException | IllegalArgumentException e) {
            String m = e.getMessage();
            throw new IllegalArgumentException(m != null && m.contains(file.toString()) ? m : file + ": " + m);
        }
    }

    private static JsonNode required(ObjectNode o, String field, Path file) {
        JsonNode n = o.get(field);
        if (n == null || n.isNull()) throw new IllegalArgumentException(file + ": field '" + field + "' is missing");
        return n;
    }

    private static double[] doubles(JsonNode n, int k, Path file, String field) {
        if (!n.isArray() || n.size() != k) throw new IllegalArgumentException(file + ": '" + field + "' must be " + k + " numbers");
        double[] out = new double[k];
        for (int i = 0; i < k; i++) out[i] = n.get(i).isNull() ? Double.NaN : n.get(i).asDouble();
        return out;
    }

    /**
     * Makes {@code prior} or a version ({@code 3} or {@code v3}) the active model, after loading it whole; the
     * ACTIVE file is replaced atomically, so a failed activation leaves the previous model active.
     */
    public synchronized String activate(String version) {
        if (version == null || version.isBlank()) throw new IllegalArgumentException("name a version (e.g. 3) or 'prior'");
        String name;
        if (version.strip().equalsIgnoreCase(PRIOR)) name = PRIOR;
        else {
            int v = parseVersion(version.strip());
            load(v);
            name = "v" + v;
        }
        try {
            Files.createDirectories(dir);
            Path tmp = dir.resolve(ACTIVE + ".tmp");
            Files.writeString(tmp, name + "\n", StandardCharsets.UTF_8);
            force(tmp);
            move(tmp, dir.resolve(ACTIVE));
            force(dir);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + dir.resolve(ACTIVE) + ": " + e.getMessage(), e);
        }
        return name;
    }

    public String report(String version) {
        int v = parseVersion(version.strip());
        Path r = dir.resolve("v" + v).resolve(REPORT);
        if (!Files.isRegularFile(r)) throw new IllegalArgumentException("model v" + v + " has no report in " + dir);
        try {
            return Files.readString(r, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + r + ": " + e.getMessage(), e);
        }
    }

    static int parseVersion(String s) {
        String t = s.startsWith("v") || s.startsWith("V") ? s.substring(1) : s;
        if (!t.matches("\\d{1,6}")) throw new IllegalArgumentException("a model version is a number such as 3 or v3, got '" + s + "'");
        return Integer.parseInt(t);
    }

    private static String checksum(ObjectNode body) {
        try {
            return sha256(COMPACT.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Forces a file's or a folder's content to disk (a folder: its entries, so a rename in it survives a crash). */
    private static void force(Path p) throws IOException {
        boolean folder = Files.isDirectory(p);
        try (java.nio.channels.FileChannel c = java.nio.channels.FileChannel.open(p, java.nio.file.StandardOpenOption.READ)) {
            c.force(true);
        } catch (IOException e) {
            if (!folder) throw e; // some file systems cannot open or sync a folder; the files themselves are synced
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) return;
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(x);
        }
    }
}
