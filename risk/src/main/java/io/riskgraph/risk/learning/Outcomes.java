package io.riskgraph.risk.learning;

import io.riskgraph.risk.grading.GradingData;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Labelled firms: by enterprise index, whether the outcome happened, and whether the firm was drawn at random
 * (a double-random inspection), which makes it a sample of the whole population rather than of the targeted firms.
 *
 * @param firm     enterprise indices, ascending, no repeats
 * @param positive aligned with {@code firm}
 * @param random   aligned with {@code firm}; all false for labels from a file
 * @param unknown  labels naming no enterprise of the store (a file only)
 */
public record Outcomes(int[] firm, boolean[] positive, boolean[] random, int unknown, String source) {
    public Outcomes {
        if (firm.length != positive.length || firm.length != random.length) throw new IllegalArgumentException("misaligned outcomes");
    }

    public int size() { return firm.length; }

    public int positives() {
        int k = 0;
        for (boolean b : positive) if (b) k++;
        return k;
    }

    public int randoms() {
        int k = 0;
        for (boolean b : random) if (b) k++;
        return k;
    }

    /** The kind of inspection that is a random draw from the population ("double random, one public"). */
    public static final String RANDOM_KIND = "DOUBLE_RANDOM";

    /**
     * The outcomes of the window (fromDay, toDay] (epoch days): a firm observed in it (inspected, or sampled) is
     * positive when an inspection in the window found issues, a sample in it failed, or a penalty was imposed on it
     * in it; it counts as drawn at random when a double-random inspection observed it.
     */
    public static Outcomes fromHistory(GradingData d, int fromDay, int toDay) {
        int n = d.enterpriseCount();
        boolean[] seen = new boolean[n], pos = new boolean[n], rnd = new boolean[n];
        GradingData.Events in = d.inspections;
        for (int i = 0; i < in.size(); i++) {
            int e = in.ent[i];
            if (e < 0 || !inside(in.day[i], fromDay, toDay)) continue;
            seen[e] = true;
            if ("ISSUES_FOUND".equals(in.text("result", i))) pos[e] = true;
            if (RANDOM_KIND.equals(in.text("kind", i))) rnd[e] = true;
        }
        GradingData.Events s = d.samples;
        for (int i = 0; i < s.size(); i++) {
            int e = s.ent[i];
            if (e < 0 || !inside(s.day[i], fromDay, toDay)) continue;
            seen[e] = true;
            if ("FAIL".equals(s.text("result", i))) pos[e] = true;
        }
        GradingData.Events p = d.penalties;
        for (int i = 0; i < p.size(); i++) {
            int e = p.ent[i];
            if (e >= 0 && seen[e] && inside(p.day[i], fromDay, toDay)) pos[e] = true;
        }
        return collect(seen, pos, rnd, 0, "history " + java.time.LocalDate.ofEpochDay(fromDay + 1) + " .. "
                + java.time.LocalDate.ofEpochDay(toDay));
    }

    private static boolean inside(int day, int from, int to) {
        return day != GradingData.NO_DAY && day > from && day <= to;
    }

    private static Outcomes collect(boolean[] seen, boolean[] pos, boolean[] rnd, int unknown, String source) {
        int k = 0;
        for (boolean b : seen) if (b) k++;
        int[] firm = new int[k];
        boolean[] p = new boolean[k], r = new boolean[k];
        k = 0;
        for (int i = 0; i < seen.length; i++) {
            if (!seen[i]) continue;
            firm[k] = i;
            p[k] = pos[i];
            r[k++] = rnd[i];
        }
        return new Outcomes(firm, p, r, unknown, source);
    }

    /**
     * Labels from a {@code uscc,label} file (label 1/0 or true/false; an optional header line). A malformed line is an
     * error naming the file and line; a USCC the store does not hold is counted in {@link #unknown}, not fatal.
     */
    public static Outcomes fromFile(Path file, String[] uscc) {
        Map<String, Integer> index = new HashMap<>(uscc.length * 2);
        for (int i = 0; i < uscc.length; i++) index.put(uscc[i], i);
        int n = uscc.length;
        boolean[] seen = new boolean[n], pos = new boolean[n];
        int unknown = 0;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int no = 0;
            while ((line = r.readLine()) != null) {
                no++;
                if (no == 1 && line.startsWith("\uFEFF")) line = line.substring(1);
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) continue;
                String[] f = t.split(",", -1);
                if (f.length != 2) throw new IllegalArgumentException(file + " line " + no + ": expected 'uscc,label', got " + f.length + " fields");
                String u = f[0].strip(), l = f[1].strip().toLowerCase(java.util.Locale.ROOT);
                if (no == 1 && u.equalsIgnoreCase("uscc")) continue;
                boolean v = switch (l) {
                    case "1", "true" -> true;
                    case "0", "false" -> false;
                    default -> throw new IllegalArgumentException(file + " line " + no + ": label must be 1, 0, true or false, got '" + f[1].strip() + "'");
                };
                if (u.isEmpty()) throw new IllegalArgumentException(file + " line " + no + ": the uscc is empty");
                Integer e = index.get(u);
                if (e == null) { unknown++; continue; }
                if (seen[e] && pos[e] != v) throw new IllegalArgumentException(file + " line " + no + ": " + u + " is labelled both ways");
                seen[e] = true;
                pos[e] = v;
            }
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("labels file " + file + " does not exist");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read labels file " + file + ": " + e.getMessage());
        }
        return collect(seen, pos, new boolean[n], unknown, "labels " + file.getFileName());
    }

    /** These outcomes restricted to the given positions. */
    Outcomes subset(int[] at) {
        int[] f = new int[at.length];
        boolean[] p = new boolean[at.length], r = new boolean[at.length];
        for (int k = 0; k < at.length; k++) {
            f[k] = firm[at[k]];
            p[k] = positive[at[k]];
            r[k] = random[at[k]];
        }
        return new Outcomes(f, p, r, 0, source);
    }

    @Override
    public String toString() {
        return source + ": " + size() + " firms, " + positives() + " positive, " + randoms() + " drawn at random"
                + (unknown > 0 ? ", " + unknown + " unknown USCCs" : "");
    }

    @Override public boolean equals(Object o) {
        return o instanceof Outcomes x && Arrays.equals(firm, x.firm) && Arrays.equals(positive, x.positive);
    }

    @Override public int hashCode() { return Arrays.hashCode(firm); }
}
