package io.riskgraph.progress;

/**
 * Told how long work advances, so that a CLI can draw a bar and a server can report status. Implementations must
 * be cheap: {@link #advance(long)} may be called per batch on a hot path.
 */
public interface ProgressListener {
    ProgressListener NONE = new ProgressListener() {};

    /** A task starts; {@code total} is the expected number of units, or -1 when unknown. */
    default void start(String task, long total) {}

    default void advance(long units) {}

    default void finish(String task) {}
}
