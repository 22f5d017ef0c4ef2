package io.riskgraph.workflow;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Where a warning clue is in its follow-up: NEW -> ASSIGNED -> VERIFIED | DISMISSED -> CLOSED. A new clue may
 * also be dismissed at once (an obvious false positive needs no assignee); CLOSED is final.
 */
public enum ClueStatus {
    NEW, ASSIGNED, VERIFIED, DISMISSED, CLOSED;

    /** The statuses this one may change to. */
    public Set<ClueStatus> next() {
        return switch (this) {
            case NEW -> EnumSet.of(ASSIGNED, DISMISSED);
            case ASSIGNED -> EnumSet.of(VERIFIED, DISMISSED);
            case VERIFIED, DISMISSED -> EnumSet.of(CLOSED);
            case CLOSED -> EnumSet.noneOf(ClueStatus.class);
        };
    }

    public boolean canChangeTo(ClueStatus target) {
        return next().contains(target);
    }

    /** Parses a status name case-insensitively; the message lists the valid names. */
    public static ClueStatus parse(String text) {
        if (text != null) {
            for (ClueStatus s : values()) if (s.name().equals(text.trim().toUpperCase(Locale.ROOT))) return s;
        }
        throw new IllegalArgumentException("unknown clue status '" + text + "' (expected one of "
                + java.util.Arrays.toString(values()) + ")");
    }
}
