package io.riskgraph.risk.grading;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a model file: a line format of our own rather than java.util.Properties, so that every error can name its
 * line. Lines are {@code key = value}; {@code #} starts a comment. Keys: {@code model.id}, {@code model.version},
 * {@code grade.B}, {@code grade.C}, {@code grade.D} (score at or above which that grade applies) and
 * {@code indicator.CODE = weight=W; bins=e1,e2,...; points=p0,p1,...}; for a professional model
 * {@code model.segments}, {@code model.subgroup}, {@code model.blend}; optionally {@code score.logit = a, b} and the
 * trigger rule {@code trigger.indicators}, {@code trigger.grade}, {@code trigger.grade.multiple}.
 */
public final class ModelParser {
    private ModelParser() {}

    public static GradingModel parse(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(file.getFileName().toString(), r);
        } catch (IOException e) {
            throw new ModelException(file.toString(), 0, null, "cannot be read: " + e.getMessage());
        }
    }

    public static GradingModel parseResource(String resource) {
        try (InputStream in = ModelParser.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("model resource " + resource + " is missing");
            return parse(resource.substring(resource.lastIndexOf('/') + 1), new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static GradingModel parse(String name, String text) {
        return parse(name, new StringReader(text));
    }

    static GradingModel parse(String file, Reader reader) {
        Map<String, String> header = new HashMap<>();
        Map<String, Integer> headerLine = new HashMap<>();
        List<GradingModel.Entry> entries = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int modelInputLine = 0;
        BufferedReader in = new BufferedReader(reader);
        int lineNo = 0;
        try {
            for (String raw; (raw = in.readLine()) != null; ) {
                lineNo++;
                String line = raw;
                int hash = line.indexOf('#');
                if (hash >= 0) line = line.substring(0, hash);
                line = line.strip();
                if (line.isEmpty()) continue;
                int eq = line.indexOf('=');
                if (eq <= 0) throw new ModelException(file, lineNo, null, "expected 'key = value', got '" + raw.strip() + "'");
                String key = line.substring(0, eq).strip();
                String value = line.substring(eq + 1).strip();
                if (key.startsWith("indicator.")) {
                    String code = key.substring("indicator.".length());
                    Indicator ind = IndicatorLibrary.get(code);
                    if (ind == null) throw new ModelException(file, lineNo, key, "unknown indicator code '" + code + "'");
                    if (!seen.add(code)) throw new ModelException(file, lineNo, key, "indicator " + code + " is given twice");
                    if (ind.category() == Category.MODEL) modelInputLine = lineNo;
                    entries.add(entry(file, lineNo, ind, value));
                } else if (HEADER_KEYS.contains(key)) {
                    if (header.put(key, value) != null) throw new ModelException(file, lineNo, key, "given twice");
                    headerLine.put(key, lineNo);
                } else {
                    throw new ModelException(file, lineNo, key, "unknown key; valid: " + String.join(", ", HEADER_KEYS)
                            + ", indicator.CODE");
                }
            }
        } catch (IOException e) {
            throw new ModelException(file, lineNo, null, "cannot be read: " + e.getMessage());
        }
        for (String k : List.of("model.id", "model.version", "grade.B", "grade.C", "grade.D")) {
            if (!header.containsKey(k)) throw new ModelException(file, 0, k, "missing");
        }
        String id = header.get("model.id");
        if (!id.matches("[A-Za-z0-9_.-]+")) {
            throw new ModelException(file, headerLine.get("model.id"), "model.id", "must be letters, digits, . _ -, got '" + id + "'");
        }
        int version;
        try {
            version = Integer.parseInt(header.get("model.version"));
            if (version < 1) throw new NumberFormatException();
        } catch (NumberFormatException e) {
            throw new ModelException(file, headerLine.get("model.version"), "model.version",
                    "must be a positive integer, got '" + header.get("model.version") + "'");
        }
        double b = cut(file, header, headerLine, "grade.B");
        double c = cut(file, header, headerLine, "grade.C");
        double d = cut(file, header, headerLine, "grade.D");
        if (!(b < c)) throw new ModelException(file, headerLine.get("grade.C"), "grade.C", "must be above grade.B (" + b + "), got " + c);
        if (!(c < d)) throw new ModelException(file, headerLine.get("grade.D"), "grade.D", "must be above grade.C (" + c + "), got " + d);
        if (entries.isEmpty()) throw new ModelException(file, 0, "indicator", "no indicators");
        if (entries.stream().allMatch(e -> e.weight() == 0)) {
            throw new ModelException(file, 0, "weight", "every weight is 0; the score would be undefined");
        }
        GradingModel.Scope scope = scope(file, header, headerLine);
        if (scope == null && modelInputLine > 0) {
            throw new ModelException(file, modelInputLine, "indicator.G01", "only a professional model (one with model.segments) "
                    + "can refine the general model's score");
        }
        GradingModel.ScoreLogit logit = null;
        if (header.containsKey("score.logit")) {
            int line = headerLine.get("score.logit");
            double[] ab = list(file, line, "score.logit", header.get("score.logit"));
            if (ab.length != 2 || !(ab[1] > 0) || Double.isInfinite(ab[0]) || Double.isInfinite(ab[1])) {
                throw new ModelException(file, line, "score.logit", "must be 'intercept, slope' with a positive slope, got '"
                        + header.get("score.logit") + "'");
            }
            logit = new GradingModel.ScoreLogit(ab[0], ab[1]);
        }
        return new GradingModel(id, version, file, entries, b, c, d, scope, logit, trigger(file, header, headerLine));
    }

    /** The header keys a model file may have, in the order the tuner writes them. */
    public static final List<String> HEADER_KEYS = List.of("model.id", "model.version", "model.description",
            "model.segments", "model.subgroup", "model.blend", "grade.B", "grade.C", "grade.D", "score.logit",
            "trigger.indicators", "trigger.grade", "trigger.grade.multiple");

    private static GradingModel.Scope scope(String file, Map<String, String> header, Map<String, Integer> lines) {
        if (!header.containsKey("model.segments")) {
            for (String k : List.of("model.subgroup", "model.blend")) {
                if (header.containsKey(k)) throw new ModelException(file, lines.get(k), k, "only a professional model "
                        + "(one with model.segments) has it");
            }
            return null;
        }
        int line = lines.get("model.segments");
        List<String> segments = new ArrayList<>();
        for (String part : header.get("model.segments").split(",")) {
            String code = part.strip().toUpperCase(java.util.Locale.ROOT);
            try {
                io.riskgraph.model.Segment.valueOf(code);
            } catch (IllegalArgumentException e) {
                throw new ModelException(file, line, "model.segments", "unknown segment '" + part.strip() + "'; valid: "
                        + java.util.Arrays.toString(io.riskgraph.model.Segment.values()));
            }
            if (segments.contains(code)) throw new ModelException(file, line, "model.segments", code + " is given twice");
            segments.add(code);
        }
        Subgroup subgroup = Subgroup.ALL;
        if (header.containsKey("model.subgroup")) {
            try {
                subgroup = Subgroup.valueOf(header.get("model.subgroup").strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ModelException(file, lines.get("model.subgroup"), "model.subgroup", "unknown subgroup '"
                        + header.get("model.subgroup") + "'; valid: " + java.util.Arrays.toString(Subgroup.values()));
            }
        }
        if (!header.containsKey("model.blend")) throw new ModelException(file, 0, "model.blend", "missing (a professional model needs it)");
        double blend = number(file, lines.get("model.blend"), "model.blend", header.get("model.blend"));
        if (!(blend >= 0 && blend <= 1)) {
            throw new ModelException(file, lines.get("model.blend"), "model.blend", "must be in 0..1, got " + header.get("model.blend"));
        }
        return new GradingModel.Scope(segments, subgroup, blend);
    }

    private static GradingModel.TriggerRule trigger(String file, Map<String, String> header, Map<String, Integer> lines) {
        if (!header.containsKey("trigger.indicators")) {
            for (String k : List.of("trigger.grade", "trigger.grade.multiple")) {
                if (header.containsKey(k)) throw new ModelException(file, lines.get(k), k, "needs trigger.indicators");
            }
            return null;
        }
        int line = lines.get("trigger.indicators");
        List<Indicator> indicators = new ArrayList<>();
        for (String part : header.get("trigger.indicators").split(",")) {
            Indicator ind = IndicatorLibrary.get(part.strip());
            if (ind == null) throw new ModelException(file, line, "trigger.indicators", "unknown indicator code '" + part.strip() + "'");
            if (indicators.contains(ind)) throw new ModelException(file, line, "trigger.indicators", ind.code() + " is given twice");
            if (ind.usesScores() || ind.category() == Category.MODEL) throw new ModelException(file, line, "trigger.indicators", ind.code()
                    + " reads scores; a trigger must be an event or a state");
            indicators.add(ind);
        }
        if (!header.containsKey("trigger.grade")) throw new ModelException(file, 0, "trigger.grade", "missing (trigger.indicators needs it)");
        char single = gradeLetter(file, lines.get("trigger.grade"), "trigger.grade", header.get("trigger.grade"));
        char multiple = single;
        if (header.containsKey("trigger.grade.multiple")) {
            multiple = gradeLetter(file, lines.get("trigger.grade.multiple"), "trigger.grade.multiple", header.get("trigger.grade.multiple"));
            if (multiple < single) throw new ModelException(file, lines.get("trigger.grade.multiple"), "trigger.grade.multiple",
                    "must not be better than trigger.grade (" + single + "), got " + multiple);
        }
        return new GradingModel.TriggerRule(indicators, single, multiple);
    }

    private static char gradeLetter(String file, int line, String field, String text) {
        String t = text.strip().toUpperCase(java.util.Locale.ROOT);
        if (!t.matches("[B-D]")) throw new ModelException(file, line, field, "must be one of B, C, D, got '" + text + "'");
        return t.charAt(0);
    }

    private static double cut(String file, Map<String, String> header, Map<String, Integer> lines, String key) {
        double v = number(file, lines.get(key), key, header.get(key));
        if (!(v > 0 && v <= 100)) throw new ModelException(file, lines.get(key), key, "must be in (0, 100], got " + header.get(key));
        return v;
    }

    private static GradingModel.Entry entry(String file, int line, Indicator ind, String value) {
        Map<String, String> fields = new HashMap<>();
        for (String part : value.split(";")) {
            String p = part.strip();
            if (p.isEmpty()) continue;
            int eq = p.indexOf('=');
            String name = eq < 0 ? p : p.substring(0, eq).strip();
            if (eq < 0 || !Set.of("weight", "bins", "points").contains(name)) {
                throw new ModelException(file, line, "indicator." + ind.code() + " " + name,
                        "expected weight=W; bins=e1,e2,...; points=p0,p1,...");
            }
            if (fields.put(name, p.substring(eq + 1).strip()) != null) {
                throw new ModelException(file, line, "indicator." + ind.code() + " " + name, "given twice");
            }
        }
        String where = "indicator." + ind.code();
        for (String f : List.of("weight", "bins", "points")) {
            if (!fields.containsKey(f)) throw new ModelException(file, line, where + " " + f, "missing");
        }
        double weight = number(file, line, where + " weight", fields.get("weight"));
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw new ModelException(file, line, where + " weight", "must be a finite number >= 0, got " + fields.get("weight"));
        }
        double[] bins = list(file, line, where + " bins", fields.get("bins"));
        for (int i = 1; i < bins.length; i++) {
            if (!(bins[i] > bins[i - 1])) {
                throw new ModelException(file, line, where + " bins", "must be strictly ascending, but " + bins[i]
                        + " follows " + bins[i - 1]);
            }
        }
        double[] points = list(file, line, where + " points", fields.get("points"));
        if (points.length != bins.length + 1) {
            throw new ModelException(file, line, where + " points", "needs " + (bins.length + 1) + " values (one more than bins), got "
                    + points.length);
        }
        for (double p : points) {
            if (!(p >= 0 && p <= 100)) throw new ModelException(file, line, where + " points", "must be in 0..100, got " + p);
        }
        return new GradingModel.Entry(ind, weight, bins, points);
    }

    private static double[] list(String file, int line, String field, String text) {
        if (text.isBlank()) return new double[0];
        String[] parts = text.split(",");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) out[i] = number(file, line, field, parts[i].strip());
        return out;
    }

    private static double number(String file, int line, String field, String text) {
        try {
            double v = Double.parseDouble(text);
            if (Double.isNaN(v)) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException e) {
            throw new ModelException(file, line, field, "'" + text + "' is not a number");
        }
    }
}
