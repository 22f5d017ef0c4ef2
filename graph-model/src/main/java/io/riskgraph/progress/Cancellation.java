package io.riskgraph.progress;

import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;

/** Asked between units of long work; once cancelled, the work stops at the next check. */
public final class Cancellation {
    public static final Cancellation NEVER = new Cancellation();

    private final AtomicBoolean cancelled = new AtomicBoolean();

    public void cancel() {
        if (this != NEVER) cancelled.set(true);
    }

    public boolean isCancelled() { return cancelled.get(); }

    public void throwIfCancelled() {
        if (cancelled.get()) throw new CancellationException("cancelled");
    }
}
