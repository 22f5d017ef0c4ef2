package io.riskgraph.risk.planning;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An inspection period: a quarter (2026-Q1), a month (2026-03) or a half-year (2026-H1), with its first and last day.
 */
public record Period(String text, LocalDate first, LocalDate last) {
    public static final int YEAR_MIN = 2000;
    public static final int YEAR_MAX = 2100;
    private static final Pattern SHAPE = Pattern.compile("(\\d{4})-(?:Q(\\d+)|H(\\d+)|(\\d{2}))");

    public static Period parse(String s) {
        String t = s == null ? "" : s.strip().toUpperCase(java.util.Locale.ROOT);
        Matcher m = SHAPE.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("period '" + s + "' must be YYYY-Qn (a quarter, e.g. 2026-Q1), YYYY-MM "
                    + "(a month, e.g. 2026-03) or YYYY-Hn (a half-year, e.g. 2026-H1)");
        }
        int year = Integer.parseInt(m.group(1));
        if (year < YEAR_MIN || year > YEAR_MAX) {
            throw new IllegalArgumentException("period '" + s + "': year must be from " + YEAR_MIN + " to " + YEAR_MAX);
        }
        int firstMonth, months;
        if (m.group(2) != null) {
            int q = Integer.parseInt(m.group(2));
            if (q < 1 || q > 4) throw new IllegalArgumentException("period '" + s + "': quarter must be Q1 to Q4");
            firstMonth = 3 * (q - 1) + 1;
            months = 3;
        } else if (m.group(3) != null) {
            int h = Integer.parseInt(m.group(3));
            if (h < 1 || h > 2) throw new IllegalArgumentException("period '" + s + "': half-year must be H1 or H2");
            firstMonth = 6 * (h - 1) + 1;
            months = 6;
        } else {
            int month = Integer.parseInt(m.group(4));
            if (month < 1 || month > 12) throw new IllegalArgumentException("period '" + s + "': month must be 01 to 12");
            firstMonth = month;
            months = 1;
        }
        LocalDate first = LocalDate.of(year, firstMonth, 1);
        return new Period(t, first, first.plusMonths(months).minusDays(1));
    }

    public boolean contains(LocalDate day) { return !day.isBefore(first) && !day.isAfter(last); }

    @Override
    public String toString() { return text; }
}
