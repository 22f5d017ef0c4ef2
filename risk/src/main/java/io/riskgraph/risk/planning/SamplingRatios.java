package io.riskgraph.risk.planning;

import java.util.Locale;

/**
 * The share of each grade's enterprises drawn for inspection in a period, each in [0, 1].
 * Defaults: see docs/planning.md for how they were chosen and what they achieve on a generated city.
 */
public record SamplingRatios(double a, double b, double c, double d) {
    public static final double RATIO_A_DEFAULT = 0.03;
    public static final double RATIO_B_DEFAULT = 0.10;
    public static final double RATIO_C_DEFAULT = 0.30;
    public static final double RATIO_D_DEFAULT = 0.80;
    public static final SamplingRatios DEFAULT = new SamplingRatios(RATIO_A_DEFAULT, RATIO_B_DEFAULT, RATIO_C_DEFAULT,
            RATIO_D_DEFAULT);

    public SamplingRatios {
        check('A', a);
        check('B', b);
        check('C', c);
        check('D', d);
    }

    private static void check(char grade, double r) {
        if (!(r >= 0 && r <= 1)) {
            throw new IllegalArgumentException("ratio for grade " + grade + " must be in [0, 1], got " + r);
        }
    }

    /** The ratio of a grade 'A'..'D'. */
    public double of(char grade) {
        return switch (grade) {
            case 'A' -> a;
            case 'B' -> b;
            case 'C' -> c;
            case 'D' -> d;
            default -> throw new IllegalArgumentException("no grade " + grade);
        };
    }

    /**
     * Parses {@code A=0.03,B=0.1,C=0.3,D=0.8}; grades left out keep their default. Every error says which part is wrong.
     */
    public static SamplingRatios parse(String s) {
        if (s == null || s.isBlank()) throw new IllegalArgumentException("--ratios is empty; write e.g. A=0.03,B=0.1,C=0.3,D=0.8");
        double[] r = {RATIO_A_DEFAULT, RATIO_B_DEFAULT, RATIO_C_DEFAULT, RATIO_D_DEFAULT};
        boolean[] given = new boolean[4];
        for (String part : s.split(",", -1)) {
            String p = part.strip();
            int eq = p.indexOf('=');
            if (eq < 0) throw new IllegalArgumentException("--ratios: '" + p + "' is not GRADE=RATIO (e.g. D=0.8)");
            String g = p.substring(0, eq).strip().toUpperCase(Locale.ROOT);
            if (g.length() != 1 || g.charAt(0) < 'A' || g.charAt(0) > 'D') {
                throw new IllegalArgumentException("--ratios: '" + p.substring(0, eq).strip() + "' is not a grade (A, B, C or D)");
            }
            int i = g.charAt(0) - 'A';
            if (given[i]) throw new IllegalArgumentException("--ratios: grade " + g + " is given twice");
            given[i] = true;
            String v = p.substring(eq + 1).strip();
            double x;
            try {
                x = Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--ratios: " + g + "='" + v + "' is not a number");
            }
            if (!(x >= 0 && x <= 1)) throw new IllegalArgumentException("--ratios: " + g + "=" + v + " is outside [0, 1]");
            r[i] = x;
        }
        return new SamplingRatios(r[0], r[1], r[2], r[3]);
    }

    /** As parse reads it back, e.g. A=0.03,B=0.1,C=0.3,D=0.8. */
    public String text() {
        return "A=" + fmt(a) + ",B=" + fmt(b) + ",C=" + fmt(c) + ",D=" + fmt(d);
    }

    private static String fmt(double x) {
        return java.math.BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
    }
}
