package io.riskgraph.api;

import java.util.concurrent.ConcurrentHashMap;

/**
 * A fixed-window request limit per client address, for public routes: at most {@code perMinute} requests per
 * address in each clock minute. Old windows are dropped as new ones start, so memory stays bounded by the
 * addresses seen in one minute.
 */
final class RateLimiter {
    private record Window(long minute, int count) {}

    private final int perMinute;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
    private volatile long currentMinute;

    RateLimiter(int perMinute) {
        if (perMinute < 1) throw new IllegalArgumentException("rate limit must be positive, got " + perMinute);
        this.perMinute = perMinute;
    }

    /** Counts one request; false when the address is over its limit for this minute. */
    boolean allow(String address, long nowMillis) {
        long minute = nowMillis / 60_000;
        if (minute != currentMinute) {
            currentMinute = minute;
            windows.values().removeIf(w -> w.minute() < minute);
        }
        Window w = windows.compute(address, (k, old) -> old == null || old.minute() != minute ? new Window(minute, 1)
                : new Window(minute, old.count() + 1));
        return w.count() <= perMinute;
    }
}
