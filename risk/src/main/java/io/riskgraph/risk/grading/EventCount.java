package io.riskgraph.risk.grading;

import io.riskgraph.risk.grading.GradingData.Events;

import java.util.List;
import java.util.function.IntConsumer;
import java.util.function.IntPredicate;

/**
 * Events per enterprise of one family within a window ending on the as-of day, optionally only those whose property
 * equals a value: computed over the city once, then followed event by event ({@link #eachNew}) by a re-grade.
 *
 * @param family position in {@link GradingData#EVENT_LABELS}
 * @param window days (0 = any time up to the as-of day)
 * @param property the property filtered on, or null for every event
 * @param value the value it must have (case-insensitive)
 */
public record EventCount(int family, int window, String property, String value) {
    public EventCount {
        if (family < 0 || family >= GradingData.EVENT_LABELS.size()) throw new IllegalArgumentException("no event family " + family);
        if (window < 0) throw new IllegalArgumentException("window must not be negative, got " + window);
        if ((property == null) != (value == null)) throw new IllegalArgumentException("a filter needs a property and a value");
    }

    public static EventCount all(int family, int window) { return new EventCount(family, window, null, null); }

    public static EventCount where(int family, int window, String property, String value) {
        return new EventCount(family, window, property, value);
    }

    public Events events(GradingData d) { return GradingData.all(d).get(family); }

    /** Whether the event at a position of {@code ev} (this count's family) passes the filter. */
    public IntPredicate filter(Events ev) {
        return property == null ? IndicatorContext.any() : IndicatorContext.is(ev, property, value);
    }

    /** The count of every enterprise. */
    public double[] count(IndicatorContext c) {
        Events ev = events(c.data);
        return c.count(ev, window, filter(ev));
    }

    /** The firm of each new event counted here, once per event ({@code added}: as {@link IndicatorContext.Patch}). */
    public void eachNew(IndicatorContext c, int[][] added, IntConsumer firm) {
        Events ev = events(c.data);
        c.eachNew(ev, added[family], window, filter(ev), firm);
    }

    /** The sum of these counts per enterprise. */
    public static double[] sum(IndicatorContext c, List<EventCount> counts) {
        double[] out = new double[c.n];
        for (EventCount k : counts) IndicatorContext.add(out, k.count(c));
        return out;
    }

    /** Adds the new events of these counts to {@code sum} in place ({@link #sum}'s patch); returns it. */
    public static double[] addNew(double[] sum, IndicatorContext c, int[][] added, List<EventCount> counts) {
        for (EventCount k : counts) k.eachNew(c, added, x -> sum[x]++);
        return sum;
    }
}
