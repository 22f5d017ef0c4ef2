package io.riskgraph.ingest;

import io.riskgraph.store.WriteCounts;

import java.time.Duration;
import java.util.List;

/** What an ingest did, per file and in total. */
public record IngestSummary(List<FileSummary> files, List<String> ignored, WriteCounts changes, Duration elapsed) {

    public record FileSummary(String file, long read, long written, long rejected, long warned, Duration elapsed) {
        public double rowsPerSecond() { return read / Math.max(1e-3, elapsed.toNanos() / 1e9); }
    }

    public long read() { return files.stream().mapToLong(FileSummary::read).sum(); }

    public long written() { return files.stream().mapToLong(FileSummary::written).sum(); }

    public long rejected() { return files.stream().mapToLong(FileSummary::rejected).sum(); }

    public long warned() { return files.stream().mapToLong(FileSummary::warned).sum(); }

    public double rowsPerSecond() {
        double s = Math.max(1, elapsed.toMillis()) / 1000.0;
        return read() / s;
    }
}
