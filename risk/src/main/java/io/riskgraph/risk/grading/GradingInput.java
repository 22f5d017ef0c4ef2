package io.riskgraph.risk.grading;

import java.util.EnumSet;
import java.util.Set;

/**
 * What an incremental re-grade can change under the indicators: the events of one family (order of
 * {@code GradingData.EVENT_LABELS}), or an enterprise's refreshed own state (status, type, registered and paid-in
 * capital, employees). Everything else the indicators read (persons, roles, links, addresses, segments, the
 * analyses' write-back) only a full read changes, so an indicator or cached array that reads none of these is
 * reused as it is.
 */
public enum GradingInput {
    INSPECTIONS, SAMPLES, PENALTIES, COMPLAINTS, COURT_RECORDS, ALERTS, STATE;

    /** Every event family. */
    public static final Set<GradingInput> EVENTS = Set.copyOf(EnumSet.range(INSPECTIONS, ALERTS));

    /** The families that make a firm "in trouble" ({@link IndicatorContext#trouble()}). */
    static final Set<GradingInput> TROUBLE = EnumSet.of(INSPECTIONS, PENALTIES, SAMPLES, COMPLAINTS);

    /** The input of the event family at this position of {@code GradingData.EVENT_LABELS}. */
    static GradingInput family(int f) {
        if (f < 0 || f >= STATE.ordinal()) throw new IllegalArgumentException("no event family " + f);
        return values()[f];
    }

    static Set<GradingInput> of(GradingInput... inputs) {
        Set<GradingInput> s = EnumSet.noneOf(GradingInput.class);
        for (GradingInput i : inputs) s.add(i);
        return Set.copyOf(s);
    }

    static Set<GradingInput> union(Set<GradingInput> a, GradingInput... more) {
        Set<GradingInput> s = EnumSet.noneOf(GradingInput.class);
        s.addAll(a);
        for (GradingInput i : more) s.add(i);
        return Set.copyOf(s);
    }
}
