package io.riskgraph.model.id;

import java.time.DateTimeException;
import java.time.LocalDate;

/** The 18-digit citizen identification number of GB 11643-1999 (ISO 7064 MOD 11-2 check). */
public final class ResidentId {
    public static final int LENGTH = 18;
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARS = "10X98765432";

    private ResidentId() {}

    public static IdCheck check(String raw) {
        if (raw == null || raw.isBlank()) return IdCheck.invalid("resident ID number is empty");
        String id = raw.strip().toUpperCase(java.util.Locale.ROOT);
        // Never echo the number itself: messages end up in rejects files and logs.
        if (id.length() == 15 && id.chars().allMatch(Character::isDigit)) {
            return IdCheck.invalid("resident ID number has 15 digits (a first-generation number);"
                    + " expected the 18-character form of GB 11643-1999");
        }
        if (id.length() != LENGTH) {
            return IdCheck.invalid("resident ID number has " + id.length() + " characters; expected " + LENGTH);
        }
        for (int i = 0; i < LENGTH - 1; i++) {
            if (!Character.isDigit(id.charAt(i)) || id.charAt(i) > '9') {
                return IdCheck.invalid("resident ID number: position " + (i + 1) + " must be a digit");
            }
        }
        char last = id.charAt(LENGTH - 1);
        if (!(last >= '0' && last <= '9') && last != 'X') {
            return IdCheck.invalid("resident ID number: position 18 must be a digit or X");
        }
        try {
            LocalDate birth = LocalDate.of(Integer.parseInt(id.substring(6, 10)),
                    Integer.parseInt(id.substring(10, 12)), Integer.parseInt(id.substring(12, 14)));
            if (birth.getYear() < 1880 || birth.isAfter(LocalDate.now())) {
                return IdCheck.invalid("resident ID number: birth date at positions 7-14 is out of range");
            }
        } catch (DateTimeException e) {
            return IdCheck.invalid("resident ID number: positions 7-14 are not a valid birth date (YYYYMMDD)");
        }
        char expected = checkCharacter(id.substring(0, LENGTH - 1));
        if (last != expected) {
            return IdCheck.mismatch(id, "resident ID number: check character at position 18 does not match"
                    + " positions 1-17 (GB 11643-1999)");
        }
        return IdCheck.valid(id);
    }

    public static char checkCharacter(CharSequence first17) {
        int sum = 0;
        for (int i = 0; i < LENGTH - 1; i++) sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        return CHECK_CHARS.charAt(sum % 11);
    }

    public static String complete(CharSequence first17) {
        return first17.toString() + checkCharacter(first17);
    }
}
