package io.riskgraph.ingest.generator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * What one generation produced.
 *
 * @param outDir                 the folder written
 * @param rows                   data rows per file name (e.g. {@code enterprises.csv}), in writing order, header excluded
 * @param elapsed                wall time of the run
 * @param observedViolationRate  share of enterprises with {@code violation_next_half_year = true} in truth.csv
 */
public record GeneratorSummary(Path outDir, Map<String, Long> rows, Duration elapsed, double observedViolationRate) {
    public GeneratorSummary {
        rows = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(rows));
    }

    public long rows(String file) { return rows.getOrDefault(file, 0L); }

    public double enterprisesPerSecond() {
        double s = elapsed.toNanos() / 1e9;
        return s <= 0 ? 0 : rows(CityGenerator.ENTERPRISES) / s;
    }
}
