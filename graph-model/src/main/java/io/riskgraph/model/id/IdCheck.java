package io.riskgraph.model.id;

/**
 * The outcome of checking an identifier: valid, usable but suspicious (a wrong check character), or unusable.
 * {@code normalised} is the identifier as it should be stored (trimmed, upper-case) when it is usable.
 */
public record IdCheck(Verdict verdict, String normalised, String message) {

    public enum Verdict { VALID, CHECK_MISMATCH, INVALID }

    static IdCheck valid(String normalised) { return new IdCheck(Verdict.VALID, normalised, null); }

    static IdCheck mismatch(String normalised, String message) {
        return new IdCheck(Verdict.CHECK_MISMATCH, normalised, message);
    }

    static IdCheck invalid(String message) { return new IdCheck(Verdict.INVALID, null, message); }

    public boolean usable() { return verdict != Verdict.INVALID; }

    public boolean isValid() { return verdict == Verdict.VALID; }
}
