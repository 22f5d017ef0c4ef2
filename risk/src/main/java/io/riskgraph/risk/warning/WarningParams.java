package io.riskgraph.risk.warning;

/**
 * Thresholds of the warning rules (days are calendar days before the as-of day). Checked at construction.
 *
 * @param windowDays          look-back of the event-count rules (W03-W05, W08, W16-W18)
 * @param newFirmDays         a firm established this recently is "new" (W02, W12)
 * @param youngFirmDays       a firm established this recently may be a shell (W10, W11)
 * @param minDFirms           D-grade firms one legal representative must lead (W01)
 * @param maxFirmsAtAddress   addresses with more firms are hubs (formation agents, business parks): W02 and W10
 *                            skip them, W11 looks only at them
 * @param minSellers          distinct sellers where one producer's goods failed (W03)
 * @param minRepeats          failures / findings within the window (W04, W05)
 * @param triggerDays         look-back of the food-producer trigger events (W07)
 * @param burstDays           length of an alert burst (W08)
 * @param burstMin            alerts in a burst (W08)
 * @param burstOpenMin        of those, still open (W08)
 * @param openGraceDays       an alert open longer than this is undisposed (W08, W09)
 * @param shellMin            firms of one nominee at one address (W10, W11)
 * @param shellPaidInMax      paid-in capital (CNY) at most this for a shell (W10, W11)
 * @param surgeDays           recent period of a complaint surge (W15)
 * @param surgeMin            complaints in the recent period (W15)
 * @param surgeFactor         recent rate at least this times the rate of the year before (W15)
 * @param followUpDays        an inspection should follow a verified complaint within this (W16)
 * @param repeatPenaltyMin    penalties within the window (W18)
 * @param controlShareMin     INVESTS_IN share that makes an owner the controlling parent (W19)
 * @param maxFirmsOnPhone     phones shared by more firms are switchboards or agents and skipped (W21)
 * @param phoneDFirmsMin      D-grade firms on one phone (W21)
 * @param inspectionGapDays   a D-grade firm without an inspection this long is a gap (W23)
 */
public record WarningParams(int windowDays, int newFirmDays, int youngFirmDays, int minDFirms, int maxFirmsAtAddress,
                            int minSellers, int minRepeats, int triggerDays, int burstDays, int burstMin,
                            int burstOpenMin, int openGraceDays, int shellMin, double shellPaidInMax, int surgeDays,
                            int surgeMin, double surgeFactor, int followUpDays, int repeatPenaltyMin,
                            double controlShareMin, int maxFirmsOnPhone, int phoneDFirmsMin, int inspectionGapDays) {
    public static final int WINDOW_DAYS_DEFAULT = 365;
    public static final int NEW_FIRM_DAYS_DEFAULT = 365;
    public static final int YOUNG_FIRM_DAYS_DEFAULT = 730;
    public static final int MIN_D_FIRMS_DEFAULT = 2;
    public static final int MAX_FIRMS_AT_ADDRESS_DEFAULT = 20;
    public static final int MIN_SELLERS_DEFAULT = 2;
    public static final int MIN_REPEATS_DEFAULT = 2;
    public static final int TRIGGER_DAYS_DEFAULT = 90;
    public static final int BURST_DAYS_DEFAULT = 7;
    public static final int BURST_MIN_DEFAULT = 3;
    public static final int BURST_OPEN_MIN_DEFAULT = 2;
    public static final int OPEN_GRACE_DAYS_DEFAULT = 2;
    public static final int SHELL_MIN_DEFAULT = 3;
    public static final double SHELL_PAID_IN_MAX_DEFAULT = 10_000;
    public static final int SURGE_DAYS_DEFAULT = 90;
    public static final int SURGE_MIN_DEFAULT = 3;
    public static final double SURGE_FACTOR_DEFAULT = 2.0;
    public static final int FOLLOW_UP_DAYS_DEFAULT = 30;
    public static final int REPEAT_PENALTY_MIN_DEFAULT = 3;
    public static final double CONTROL_SHARE_MIN_DEFAULT = 0.5;
    public static final int MAX_FIRMS_ON_PHONE_DEFAULT = 20;
    public static final int PHONE_D_FIRMS_MIN_DEFAULT = 2;
    public static final int INSPECTION_GAP_DAYS_DEFAULT = 365;

    public static final WarningParams DEFAULT = new WarningParams(WINDOW_DAYS_DEFAULT, NEW_FIRM_DAYS_DEFAULT,
            YOUNG_FIRM_DAYS_DEFAULT, MIN_D_FIRMS_DEFAULT, MAX_FIRMS_AT_ADDRESS_DEFAULT, MIN_SELLERS_DEFAULT,
            MIN_REPEATS_DEFAULT, TRIGGER_DAYS_DEFAULT, BURST_DAYS_DEFAULT, BURST_MIN_DEFAULT, BURST_OPEN_MIN_DEFAULT,
            OPEN_GRACE_DAYS_DEFAULT, SHELL_MIN_DEFAULT, SHELL_PAID_IN_MAX_DEFAULT, SURGE_DAYS_DEFAULT, SURGE_MIN_DEFAULT,
            SURGE_FACTOR_DEFAULT, FOLLOW_UP_DAYS_DEFAULT, REPEAT_PENALTY_MIN_DEFAULT, CONTROL_SHARE_MIN_DEFAULT,
            MAX_FIRMS_ON_PHONE_DEFAULT, PHONE_D_FIRMS_MIN_DEFAULT, INSPECTION_GAP_DAYS_DEFAULT);

    public WarningParams {
        positive("windowDays", windowDays);
        positive("newFirmDays", newFirmDays);
        positive("youngFirmDays", youngFirmDays);
        atLeast("minDFirms", minDFirms, 2);
        atLeast("maxFirmsAtAddress", maxFirmsAtAddress, 2);
        atLeast("minSellers", minSellers, 2);
        atLeast("minRepeats", minRepeats, 2);
        positive("triggerDays", triggerDays);
        positive("burstDays", burstDays);
        atLeast("burstMin", burstMin, 2);
        atLeast("burstOpenMin", burstOpenMin, 1);
        if (burstOpenMin > burstMin) throw new IllegalArgumentException("burstOpenMin (" + burstOpenMin + ") must not exceed burstMin (" + burstMin + ")");
        atLeast("openGraceDays", openGraceDays, 0);
        atLeast("shellMin", shellMin, 2);
        if (!(shellPaidInMax >= 0)) throw new IllegalArgumentException("shellPaidInMax must be 0 or more, got " + shellPaidInMax);
        positive("surgeDays", surgeDays);
        atLeast("surgeMin", surgeMin, 1);
        if (!(surgeFactor >= 1)) throw new IllegalArgumentException("surgeFactor must be at least 1, got " + surgeFactor);
        positive("followUpDays", followUpDays);
        atLeast("repeatPenaltyMin", repeatPenaltyMin, 2);
        if (!(controlShareMin > 0 && controlShareMin <= 1)) throw new IllegalArgumentException("controlShareMin must be in (0, 1], got " + controlShareMin);
        atLeast("maxFirmsOnPhone", maxFirmsOnPhone, 2);
        atLeast("phoneDFirmsMin", phoneDFirmsMin, 2);
        positive("inspectionGapDays", inspectionGapDays);
    }

    private static void positive(String name, int v) { atLeast(name, v, 1); }

    private static void atLeast(String name, int v, int min) {
        if (v < min) throw new IllegalArgumentException(name + " must be at least " + min + ", got " + v);
    }
}
