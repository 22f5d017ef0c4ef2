package io.riskgraph.api;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What the HTTP server accepts from a client, against large, deep and slow requests (docs/security.md).
 *
 * @param maxBodyBytes       a larger request body is refused with 413 (Content-Length first, else while reading)
 * @param maxQueryChars      a longer query string is refused with 414
 * @param maxJsonDepth       a JSON body nested deeper is refused with 400
 * @param requestHeaderBytes request line and headers together, beyond which Jetty answers 414 or 431
 * @param headerTimeout      a connection that has not sent a whole request head this long after opening is closed
 * @param idleTimeout        a connection with nothing read or written this long is closed
 * @param maxConnections     connections beyond this wait to be accepted
 * @param tlsCert            PEM certificate chain for HTTPS, or null for plain HTTP
 * @param tlsKey             PEM private key (PKCS#8) for HTTPS, or null
 */
public record ApiLimits(long maxBodyBytes, int maxQueryChars, int maxJsonDepth, int requestHeaderBytes,
                        Duration headerTimeout, Duration idleTimeout, int maxConnections, Path tlsCert, Path tlsKey) {
    public static final ApiLimits DEFAULT = new ApiLimits(1L << 20, 4096, 32, 16 * 1024, Duration.ofSeconds(10),
            Duration.ofSeconds(30), 1024, null, null);

    public ApiLimits {
        if (maxBodyBytes < 1024 || maxQueryChars < 256 || maxJsonDepth < 4 || requestHeaderBytes < 4096 || maxConnections < 1) {
            throw new IllegalArgumentException("request limits too small to serve the API");
        }
        if ((tlsCert == null) != (tlsKey == null)) throw new IllegalArgumentException("--tls-cert and --tls-key go together");
    }

    public ApiLimits withTimeouts(Duration header, Duration idle) {
        return new ApiLimits(maxBodyBytes, maxQueryChars, maxJsonDepth, requestHeaderBytes, header, idle, maxConnections, tlsCert, tlsKey);
    }

    public ApiLimits withTls(Path cert, Path key) {
        return new ApiLimits(maxBodyBytes, maxQueryChars, maxJsonDepth, requestHeaderBytes, headerTimeout, idleTimeout,
                maxConnections, cert, key);
    }

    public boolean tls() { return tlsCert != null; }
}
