package io.riskgraph.api;

import java.time.Duration;

/**
 * Server settings.
 *
 * @param hubDegree     nodes with more relationships than this are reached but not expanded (related, paths)
 * @param cypherTimeout the longest a /cypher or named query may run (clients may ask for less)
 * @param cypherMaxRows the most rows a /cypher or named query may return (clients may ask for fewer)
 */
public record ApiConfig(int hubDegree, Duration cypherTimeout, int cypherMaxRows) {
    public static final ApiConfig DEFAULT = new ApiConfig(200, Duration.ofSeconds(30), 10_000);

    public ApiConfig {
        if (hubDegree < 1) throw new IllegalArgumentException("hub degree must be positive");
        if (cypherMaxRows < 1) throw new IllegalArgumentException("max rows must be positive");
    }
}
