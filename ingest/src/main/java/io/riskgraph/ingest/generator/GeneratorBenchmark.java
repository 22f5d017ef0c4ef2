package io.riskgraph.ingest.generator;

import io.riskgraph.progress.Cancellation;
import io.riskgraph.progress.ProgressListener;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Benchmark harness, not part of the test run: generates a city and reports enterprises/s, peak heap and output size.
 * Usage: {@code java -Xmx4g -cp ... io.riskgraph.ingest.generator.GeneratorBenchmark OUT_DIR [N] [SEED]}.
 */
public final class GeneratorBenchmark {
    private GeneratorBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: GeneratorBenchmark OUT_DIR [N=2900000] [SEED=" + GeneratorParams.DEFAULT_SEED + "]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 2_900_000;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : GeneratorParams.DEFAULT_SEED;
        GeneratorParams params = GeneratorParams.of(n, seed);
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) pool.resetPeakUsage();
        GeneratorSummary s = new CityGenerator(params).generate(out, true, ProgressListener.NONE, Cancellation.NEVER);
        long peakHeap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) peakHeap += pool.getPeakUsage().getUsed();
        }
        long gcMillis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) gcMillis += gc.getCollectionTime();
        long bytes;
        try (Stream<Path> files = Files.list(s.outDir())) {
            bytes = files.mapToLong(f -> f.toFile().length()).sum();
        }
        System.out.printf("enterprises=%d seed=%d elapsed_s=%.1f enterprises_per_s=%.0f peak_heap_mb=%.0f gc_ms=%d "
                        + "max_heap_mb=%d output_mb=%.1f violation_rate=%.4f%n",
                n, seed, s.elapsed().toMillis() / 1000.0, s.enterprisesPerSecond(), peakHeap / 1048576.0, gcMillis,
                Runtime.getRuntime().maxMemory() / 1048576, bytes / 1048576.0, s.observedViolationRate());
        for (Map.Entry<String, Long> e : s.rows().entrySet()) {
            System.out.printf("  %-22s %,12d rows %,10.1f MB%n", e.getKey(), e.getValue(),
                    s.outDir().resolve(e.getKey()).toFile().length() / 1048576.0);
        }
    }
}
