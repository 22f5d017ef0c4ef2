package io.riskgraph.workflow;

/**
 * Which clues to list; every field null means "any". Results are ordered by severity (highest first), then id.
 *
 * @param district only clues whose enterprise is registered in this district (null = any)
 * @param offset how many matching clues to skip (0 or more)
 * @param limit  at most this many (1..{@link #LIMIT_MAX})
 */
public record ClueFilter(ClueStatus status, String rule, String uscc, String segment, String district, int offset,
                         int limit) {
    public static final int LIMIT_DEFAULT = 50;
    public static final int LIMIT_MAX = 1_000_000;

    public ClueFilter {
        if (offset < 0) throw new IllegalArgumentException("offset must be 0 or more, got " + offset);
        if (limit < 1 || limit > LIMIT_MAX) throw new IllegalArgumentException("limit must be 1.." + LIMIT_MAX + ", got " + limit);
    }

    /** Any district. */
    public ClueFilter(ClueStatus status, String rule, String uscc, String segment, int offset, int limit) {
        this(status, rule, uscc, segment, null, offset, limit);
    }

    public static ClueFilter all() {
        return new ClueFilter(null, null, null, null, 0, LIMIT_MAX);
    }
}
