package io.riskgraph.api;

import java.time.Duration;

/**
 * Server settings.
 *
 * @param hubDegree     nodes with more relationships than this are reached but not expanded (related, paths)
 * @param cypherTimeout the longest a /cypher or named query may run (clients may ask for less)
 * @param cypherMaxRows the most rows a /cypher or named query may return (clients may ask for fewer)
 * @param relationSnapshot whether /related answers from an in-memory {@link RelationSnapshot} (else from the store)
 * @param snapshotCheck how often the snapshot is compared with the store's version; zero = only on reindex
 */
public record ApiConfig(int hubDegree, Duration cypherTimeout, int cypherMaxRows, boolean relationSnapshot,
                        Duration snapshotCheck) {
    public static final ApiConfig DEFAULT = new ApiConfig(200, Duration.ofSeconds(30), 10_000);

    public ApiConfig {
        if (hubDegree < 1) throw new IllegalArgumentException("hub degree must be positive");
        if (cypherMaxRows < 1) throw new IllegalArgumentException("max rows must be positive");
        if (snapshotCheck == null || snapshotCheck.isNegative()) {
            throw new IllegalArgumentException("the snapshot check interval must be zero or positive, got " + snapshotCheck);
        }
    }

    /** With the relation snapshot on, checked every {@link RelationSnapshots#CHECK_INTERVAL_DEFAULT}. */
    public ApiConfig(int hubDegree, Duration cypherTimeout, int cypherMaxRows) {
        this(hubDegree, cypherTimeout, cypherMaxRows, true, RelationSnapshots.CHECK_INTERVAL_DEFAULT);
    }
}
