package io.riskgraph.risk.planning;

import io.riskgraph.store.GraphStore;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * The graded enterprises a plan draws from (open ones, in the segment if one is given), sorted by USCC, with a hash
 * that identifies exactly this uscc → grade list and the day the grades were computed as of.
 */
public record GradeSnapshot(List<Entry> entries, LocalDate asOf, String hash) {
    /** Property the grade command writes beside the grade: the day it graded as of. */
    public static final String AS_OF_PROPERTY = io.riskgraph.risk.grading.GradeWriter.AS_OF_PROPERTY;
    private static final Set<String> CLOSED = Set.of("REVOKED", "CANCELLED");

    public record Entry(String uscc, char grade, String district, Set<String> segments) {
        public Entry {
            if (grade < 'A' || grade > 'D') throw new IllegalArgumentException(uscc + ": grade must be A-D, got " + grade);
            segments = segments == null ? Set.of() : Set.copyOf(segments);
        }
    }

    public GradeSnapshot {
        entries = List.copyOf(entries);
    }

    /** Sorts the entries by USCC and computes the hash. */
    public static GradeSnapshot of(List<Entry> entries, LocalDate asOf) {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(Entry::uscc));
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Entry e : sorted) sha.update((e.uscc() + ":" + e.grade() + "\n").getBytes(StandardCharsets.UTF_8));
            sha.update(("as-of:" + asOf + "\n").getBytes(StandardCharsets.UTF_8));
            return new GradeSnapshot(sorted, asOf, HexFormat.of().formatHex(sha.digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** Enterprises per grade A..D. */
    public int[] counts() {
        int[] c = new int[4];
        for (Entry e : entries) c[e.grade() - 'A']++;
        return c;
    }

    /**
     * Reads the graded, open enterprises (of {@code segment}, when not null) from the store in a few streamed reads.
     */
    public static GradeSnapshot read(GraphStore store, String segment) {
        var rows = store.nodeProperties("Enterprise", List.of("uscc", "grade", "district", "segments", "status",
                AS_OF_PROPERTY));
        List<Entry> out = new ArrayList<>();
        LocalDate asOf = null;
        for (Object[] r : rows.values()) {
            if (r[0] == null || !(r[1] instanceof String g) || g.length() != 1 || CLOSED.contains(String.valueOf(r[4]))) continue;
            Set<String> segs = new java.util.TreeSet<>();
            if (r[3] instanceof List<?> l) l.forEach(x -> segs.add(String.valueOf(x)));
            if (segment != null && !segs.contains(segment)) continue;
            out.add(new Entry((String) r[0], g.charAt(0), r[2] == null ? null : String.valueOf(r[2]), segs));
            if (r[5] instanceof LocalDate d && (asOf == null || d.isAfter(asOf))) asOf = d;
        }
        return of(out, asOf);
    }
}
