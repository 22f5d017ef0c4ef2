package io.riskgraph.ingest;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
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
    /**
     * An abbreviation's pattern and its expansion, with a text every match contains: a string without that literal
     * cannot match, and skipping the pattern then leaves it as the pattern would (the regex scan is most of an
     * address's cost).
     */
    private record Abbreviation(String literal, Pattern pattern, String expansion) {
        Abbreviation(String literal, String regex, String expansion) {
            this(literal, Pattern.compile(regex), expansion);
        }
    }

    // "沪" is the official abbreviation of Shanghai; "上海" without "市" is the same city.
    private static final List<Abbreviation> ADDRESS_ABBREVIATIONS = List.of(
            new Abbreviation("沪", "^沪", "上海市"),
            new Abbreviation("上海", "^上海(?!市)", "上海市"),
            new Abbreviation("浦东", "^(上海市)?浦东(?!新区)", "上海市浦东新区"),
            new Abbreviation("#", "(\\d+)#", "$1号"),
            new Abbreviation("号楼", "(\\d+)弄(\\d+)号楼", "$1弄$2号"),
            new Abbreviation("no", "\\bno\\s?(\\d)", "$1"),
            new Abbreviation("rd", "\\brd\\b", "road"),
            new Abbreviation("st", "\\bst\\b", "street"),
            new Abbreviation("ave", "\\bave\\b", "avenue"),
            new Abbreviation("bldg", "\\bbldg\\b", "building"),
            new Abbreviation("rm", "\\brm\\b", "room"),
            new Abbreviation("fl", "\\bfl\\b", "floor"));

    private Normalise() {}

    /** Full-width folded (NFKC), lower-case Latin, abbreviations expanded, whitespace and punctuation removed. */
    public static Optional<String> address(String raw) {
        if (raw == null) return Optional.empty();
        String s = Normalizer.normalize(raw, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).strip();
        s = PUNCTUATION.matcher(s).replaceAll(" ");
        s = SPACES.matcher(s).replaceAll(" ").strip();
        for (Abbreviation a : ADDRESS_ABBREVIATIONS) {
            if (s.contains(a.literal())) s = a.pattern().matcher(s).replaceAll(a.expansion());
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
