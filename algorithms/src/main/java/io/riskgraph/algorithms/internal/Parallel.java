package io.riskgraph.algorithms.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Splits whole-graph passes over a few threads. The common ForkJoinPool has one worker on a 2-core machine, so
 * this keeps its own daemon pool; the calling thread runs the first part itself.
 */
public final class Parallel {
    public static final int CONCURRENCY_DEFAULT = Math.max(1, Runtime.getRuntime().availableProcessors());

    private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "riskgraph-algo");
        t.setDaemon(true);
        return t;
    });

    private Parallel() {}

    @FunctionalInterface
    public interface RangeTask {
        void run(int part, int from, int to);
    }

    /**
     * Cuts 0..n into {@code parts} ranges of about equal adjacency work (by CSR offsets when given, else by
     * node count), so that a few hubs do not leave one thread with most of the edges.
     */
    public static int[] split(int n, int[] offsets, int parts) {
        parts = Math.max(1, Math.min(parts, Math.max(1, n)));
        int[] bounds = new int[parts + 1];
        bounds[parts] = n;
        if (offsets == null) {
            for (int p = 1; p < parts; p++) bounds[p] = (int) ((long) n * p / parts);
        } else {
            long total = (long) offsets[n] + n;
            int v = 0;
            for (int p = 1; p < parts; p++) {
                long goal = total * p / parts;
                while (v < n && (long) offsets[v] + v < goal) v++;
                bounds[p] = v;
            }
        }
        return bounds;
    }

    public static void run(int[] bounds, RangeTask task) {
        int parts = bounds.length - 1;
        if (parts == 1) {
            task.run(0, bounds[0], bounds[1]);
            return;
        }
        List<Future<?>> futures = new ArrayList<>(parts - 1);
        for (int p = 1; p < parts; p++) {
            int part = p;
            futures.add(POOL.submit(() -> task.run(part, bounds[part], bounds[part + 1])));
        }
        task.run(0, bounds[0], bounds[1]);
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException re) throw re;
                if (e.getCause() instanceof Error err) throw err;
                throw new IllegalStateException(e.getCause());
            }
        }
    }
}
