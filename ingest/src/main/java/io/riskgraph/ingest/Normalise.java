package io.riskgraph.ingest;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Address and phone normalisation, so that the same place or number written differently becomes one shared
 * {@code Address} or {@code Phone} node. Conservative on purpose: two different places must never merge.
 */
public final class Normalise {
    /** Phone numbers shorter than this are not linkable (extensions, typos) and make no Phone node. */
    public static final int MIN_PHONE_DIGITS = 7;

    private static final Pattern SPACES = Pattern.compile("[\\s\\u3000]+");
    private static final Pattern PUNCTUATION = Pattern.compile("[,，、;；:：·.。\"'“”‘’()（）\\[\\]【】]");
    /** Longest first: replacements must not see their own output. */
    private static final Map<Pattern, String> ADDRESS_ABBREVIATIONS = new LinkedHashMap<>();
    /**
     * For each abbreviation (same order), a text every match contains: a string without it cannot match, and
     * skipping the pattern then leaves it as the pattern would (the regex scan is most of an address's cost).
     */
    private static final List<String> ABBREVIATION_LITERALS = List.of("沪", "上海", "浦东", "#", "号楼", "no", "rd", "st",
            "ave", "bldg", "rm", "fl");

    static {
        // "沪" is the official abbreviation of Shanghai; "上海" without "市" is the same city.
        ADDRESS_ABBREVIATIONS.put(Pattern.compile("^沪"), "上海市");
        ADDRESS_ABBREVIATIONS.put(Pattern.compile("^上海(?!市)"), "上海市");
        ADDRESS_ABBREVIATIONS.put(Pattern.compile("^(上海市)?浦东(?!新区)"), "上海市浦东新区");
        ADDRESS_ABBREVIATIONS.put(Pattern.compile("(\\d+)#"), "$1号");
        ADDRESS_ABBREVIATIONS.put(Pattern.compile("(\\d+)弄(\\d+)号楼"), "$1弄$2号");
        ADDRESS_ABBREVIATIONS.put(Pattern.compile("\\bno\\s?(\\d)"), "$1");
        ADDRESS_ABBREVIATIONS.put(Pattern.compile("\\brd\\b"), "road");
        ADDRESS_ABBREVIATIONS.put(Pattern.compile("\\bst\\b"), "street");
        ADDRESS_ABBREVIATIONS.put(Pattern.compile("\\bave\\b"), "avenue");
        ADDRESS_ABBREVIATIONS.put(Pattern.compile("\\bbldg\\b"), "building");
        ADDRESS_ABBREVIATIONS.put(Pattern.compile("\\brm\\b"), "room");
        ADDRESS_ABBREVIATIONS.put(Pattern.compile("\\bfl\\b"), "floor");
        if (ADDRESS_ABBREVIATIONS.size() != ABBREVIATION_LITERALS.size()) throw new AssertionError("one literal each");
    }

    private Normalise() {}

    /** Full-width folded (NFKC), lower-case Latin, abbreviations expanded, whitespace and punctuation removed. */
    public static Optional<String> address(String raw) {
        if (raw == null) return Optional.empty();
        String s = Normalizer.normalize(raw, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).strip();
        s = PUNCTUATION.matcher(s).replaceAll(" ");
        s = SPACES.matcher(s).replaceAll(" ").strip();
        int i = 0;
        for (Map.Entry<Pattern, String> e : ADDRESS_ABBREVIATIONS.entrySet()) {
            if (s.contains(ABBREVIATION_LITERALS.get(i++))) s = e.getKey().matcher(s).replaceAll(e.getValue());
        }
        if (hasSpace(s)) s = SPACES.matcher(s).replaceAll("");
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    /** Whether {@link #SPACES} would find anything in {@code s}. */
    private static boolean hasSpace(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\u3000' || (c <= ' ' && (c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r'))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Digits only; a +86 / 0086 country prefix before a mobile number is dropped; a landline keeps its area code
     * (021-6123 4567 and 02161234567 are one number). Empty when too short to identify a line.
     */
    public static Optional<String> phone(String raw) {
        if (raw == null) return Optional.empty();
        String s = Normalizer.normalize(raw, Normalizer.Form.NFKC);
        int ext = indexOfExtension(s);
        if (ext >= 0) s = s.substring(0, ext);
        StringBuilder only = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') only.append(c); // the ASCII digits: what removing the regex \D leaves
        }
        String digits = only.toString();
        if (digits.startsWith("0086")) digits = digits.substring(4);
        else if (digits.startsWith("86") && digits.length() == 13) digits = digits.substring(2);
        if (digits.length() == 12 && digits.startsWith("01") && digits.charAt(2) != '0') {
            // 0 prepended to a mobile number, as some systems export it
            digits = digits.substring(1);
        }
        return digits.length() < MIN_PHONE_DIGITS ? Optional.empty() : Optional.of(digits);
    }

    private static int indexOfExtension(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        for (String marker : new String[]{"ext", "转", "x"}) {
            int i = lower.indexOf(marker);
            if (i > 0) return i;
        }
        return -1;
    }
}
