package io.riskgraph.workflow;

import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * A clue as a warning rule finds it, before it is stored: no status, no history. The id is derived from the
 * de-duplication key so that the same finding always maps to the same stored clue.
 */
public record NewClue(String rule, String dedupKey, String uscc, String segment, int severity, String summary,
                      List<Clue.Evidence> evidence, LocalDate asOf) {
    public NewClue {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(dedupKey, "dedupKey");
        Objects.requireNonNull(asOf, "asOf");
        if (severity < Clue.SEVERITY_MIN || severity > Clue.SEVERITY_MAX) {
            throw new IllegalArgumentException("severity " + severity + " outside " + Clue.SEVERITY_MIN + ".." + Clue.SEVERITY_MAX);
        }
        summary = summary == null ? "" : summary;
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** {@code rule-} plus the first 12 hex digits of the SHA-256 of the de-duplication key. */
    public String id() {
        return idFor(rule, dedupKey);
    }

    public static String idFor(String rule, String dedupKey) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(dedupKey.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return rule + "-" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
