package io.riskgraph.model.id;

/**
 * A resident ID number in the only forms the platform keeps: a keyed hash (to match the same person across
 * sources) and a masked form for display. {@code valid} is false when the number failed its check.
 */
public record ProtectedId(String hash, String masked, boolean valid) {
    @Override
    public String toString() { return masked; }
}
