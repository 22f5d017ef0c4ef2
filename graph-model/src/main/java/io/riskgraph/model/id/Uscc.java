package io.riskgraph.model.id;

/**
 * The Unified Social Credit Code of GB 32100-2015: 18 characters over a 31-character alphabet, the last a
 * check character computed from the first 17.
 */
public final class Uscc {
    public static final int LENGTH = 18;
    /** The alphabet in value order: 0..30. No I, O, S, V, Z. */
    public static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    /** A character's value, or -1 outside the alphabet (ASCII only; {@link #ALPHABET} has no other). */
    private static final byte[] VALUES = new byte[128];

    static {
        java.util.Arrays.fill(VALUES, (byte) -1);
        for (int i = 0; i < ALPHABET.length(); i++) VALUES[ALPHABET.charAt(i)] = (byte) i;
    }

    private static int value(char c) {
        return c < 128 ? VALUES[c] : -1;
    }

    private Uscc() {}

    public static IdCheck check(String raw) {
        if (raw == null || raw.isBlank()) return IdCheck.invalid("USCC is empty");
        String code = raw.strip().toUpperCase(java.util.Locale.ROOT);
        if (code.length() != LENGTH) {
            return IdCheck.invalid("USCC '" + code + "' has " + code.length() + " characters; expected " + LENGTH);
        }
        int sum = 0;
        for (int i = 0; i < LENGTH; i++) {
            char c = code.charAt(i);
            int value = value(c);
            if (i < LENGTH - 1) sum += value * WEIGHTS[i];
            if (value < 0) {
                return IdCheck.invalid("USCC '" + code + "': character '" + c + "' at position " + (i + 1)
                        + " is not in the USCC alphabet (0-9, A-H, J-N, P-R, T, U, W-Y; never I, O, S, V or Z)");
            }
        }
        char expected = checkCharacterOf(sum);
        char actual = code.charAt(LENGTH - 1);
        if (actual != expected) {
            return IdCheck.mismatch(code, "USCC '" + code + "': check character at position 18 is '" + actual
                    + "', expected '" + expected + "' (GB 32100-2015)");
        }
        return IdCheck.valid(code);
    }

    /** The check character for the first 17 characters, which must already be in the alphabet. */
    public static char checkCharacter(CharSequence first17) {
        if (first17.length() != LENGTH - 1) {
            throw new IllegalArgumentException("need 17 characters, got " + first17.length());
        }
        int sum = 0;
        for (int i = 0; i < LENGTH - 1; i++) {
            int value = value(first17.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("character '" + first17.charAt(i) + "' at position " + (i + 1)
                        + " is not in the USCC alphabet");
            }
            sum += value * WEIGHTS[i];
        }
        return checkCharacterOf(sum);
    }

    /** GB 32100-2015: the check character of the first 17 characters' weighted sum. */
    private static char checkCharacterOf(int weightedSum) {
        int check = 31 - weightedSum % 31;
        return ALPHABET.charAt(check == 31 ? 0 : check);
    }

    /** The first 17 characters completed with their check character. */
    public static String complete(CharSequence first17) {
        return first17.toString() + checkCharacter(first17);
    }
}
