package io.riskgraph.ingest;

import java.text.Normalizer;
import java.util.LinkedHashMap;
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
    private static final Pattern NON_DIGITS = Pattern.compile("\\D");
    /** Longest first: replacements must not see their own output. */
    private static final Map<Pattern, String> ADDRESS_ABBREVIATIONS = new LinkedHashMap<>();

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
    }

    private Normalise() {}

    /** Full-width folded (NFKC), lower-case Latin, abbreviations expanded, whitespace and punctuation removed. */
    public static Optional<String> address(String raw) {
        if (raw == null) return Optional.empty();
        String s = Normalizer.normalize(raw, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).strip();
        s = PUNCTUATION.matcher(s).replaceAll(" ");
        s = SPACES.matcher(s).replaceAll(" ").strip();
        for (Map.Entry<Pattern, String> e : ADDRESS_ABBREVIATIONS.entrySet()) {
            s = e.getKey().matcher(s).replaceAll(e.getValue());
        }
        s = SPACES.matcher(s).replaceAll("");
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
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
        String digits = NON_DIGITS.matcher(s).replaceAll("");
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
