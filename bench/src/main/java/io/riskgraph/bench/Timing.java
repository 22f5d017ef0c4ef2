package io.riskgraph.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

/** Timed runs for the benchmark harnesses: wall time and process CPU, printed per run, median returned. */
final class Timing {
    private Timing() {}

    static double med(double[] ms) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** One warm-up, then {@code n} timed runs; prints all and returns the median in ms. */
    static double median(String name, int n, Supplier<Object> task) {
        return median(name, n, true, task);
    }

    /** {@code n} timed runs, after a warm-up run when asked (tasks of a minute or more warm up within the run). */
    static double median(String name, int n, boolean warmUp, Supplier<Object> task) {
        Object info = warmUp ? task.get() : null;
        double[] ms = new double[n];
        double[] cpu = new double[n];
        for (int i = 0; i < n; i++) {
            long c = processCpuNanos();
            long t = System.nanoTime();
            info = task.get();
            ms[i] = (System.nanoTime() - t) / 1e6;
            cpu[i] = (processCpuNanos() - c) / 1e6;
        }
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        double med = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        System.out.printf(Locale.ROOT, "%s: median %.0f ms over %d runs %s; process CPU median %.0f ms %s%s%n", name, med,
                n, Arrays.toString(Arrays.stream(ms).mapToLong(Math::round).toArray()), med(cpu),
                Arrays.toString(Arrays.stream(cpu).mapToLong(Math::round).toArray()), info == null ? "" : " (" + info + ")");
        return med;
    }

    /**
     * CPU time of this process, all threads (GC and JIT included). On this shared machine wall time mostly measures
     * the other sessions' load; CPU time says how much work a run took.
     */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
