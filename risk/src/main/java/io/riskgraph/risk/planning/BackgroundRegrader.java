package io.riskgraph.risk.planning;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Re-grades on one background thread, so that a request that closes a task does not wait for a grading pass (which
 * reads city-wide statistics). Requests that arrive while a pass runs are gathered into the next single pass.
 */
public final class BackgroundRegrader implements Regrader, AutoCloseable {
    private final Regrader delegate;
    private final Consumer<RuntimeException> onFailure;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "riskgraph-regrade");
        t.setDaemon(true);
        return t;
    });
    private final Set<String> pending = new TreeSet<>();
    private boolean queued;

    public BackgroundRegrader(Regrader delegate, Consumer<RuntimeException> onFailure) {
        this.delegate = delegate;
        this.onFailure = onFailure;
    }

    @Override
    public synchronized void regrade(Collection<String> usccs) {
        pending.addAll(usccs);
        if (queued || usccs.isEmpty()) return;
        queued = true;
        worker.execute(this::drain);
    }

    private void drain() {
        Set<String> batch;
        synchronized (this) {
            batch = new TreeSet<>(pending);
            pending.clear();
            queued = false;
        }
        try {
            delegate.regrade(batch);
        } catch (RuntimeException e) {
            onFailure.accept(e);
        }
    }

    /** Finishes the passes already asked for (up to the timeout), then stops. */
    @Override
    public void close() {
        worker.shutdown();
        try {
            worker.awaitTermination(10, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
