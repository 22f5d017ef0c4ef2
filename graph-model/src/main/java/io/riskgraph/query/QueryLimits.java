package io.riskgraph.query;

import java.time.Duration;

/** How long a statement may run and how many rows it may return. */
public record QueryLimits(Duration timeout, int maxRows) {
    public static final QueryLimits DEFAULT = new QueryLimits(
            Duration.ofSeconds(ReadOnlyQueries.TIMEOUT_SECONDS_DEFAULT), ReadOnlyQueries.MAX_ROWS_DEFAULT);

    public QueryLimits {
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout must be positive");
        if (maxRows < 1) throw new IllegalArgumentException("maxRows must be at least 1, got " + maxRows);
    }
}
