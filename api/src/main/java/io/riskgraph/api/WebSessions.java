package io.riskgraph.api;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sign-in sessions of the web page: an API key exchanged once for a random session id, carried in an HttpOnly,
 * SameSite=Strict cookie. A session ends on sign-out, after {@link #IDLE_DEFAULT} without a request, after
 * {@link #MAX_AGE_DEFAULT} in all, and as soon as its key is revoked (the caller checks the key on every request).
 * Each session has its own CSRF token, which state-changing requests must echo in {@link #CSRF_HEADER}. Sessions
 * live in memory only: a restarted server asks to sign in again. Only the key's SHA-256 is kept, never the key.
 */
public final class WebSessions {
    public static final String COOKIE = "rg_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    public static final Duration IDLE_DEFAULT = Duration.ofMinutes(30);
    public static final Duration MAX_AGE_DEFAULT = Duration.ofHours(12);
    /** More live sessions than this and the oldest idle ones are dropped first (a bound against sign-in floods). */
    public static final int MAX_SESSIONS = 10_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A live session: the key it was opened with (by hash), its CSRF token and its times. */
    public record Session(String id, String keySha256, String csrfToken, Instant created, Instant lastSeen) {
        Instant expires(Duration idle, Duration maxAge) {
            Instant byIdle = lastSeen.plus(idle);
            Instant byAge = created.plus(maxAge);
            return byIdle.isBefore(byAge) ? byIdle : byAge;
        }
    }

    private final ConcurrentHashMap<String, Session> sessions = new ConcurrentHashMap<>();
    private final Duration idle;
    private final Duration maxAge;
    private final Clock clock;

    public WebSessions(Duration idle, Duration maxAge, Clock clock) {
        if (idle == null || idle.isNegative() || idle.isZero()) throw new IllegalArgumentException("idle timeout must be positive, got " + idle);
        if (maxAge == null || maxAge.compareTo(idle) < 0) throw new IllegalArgumentException("max age must be at least the idle timeout, got " + maxAge);
        this.idle = idle;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    public WebSessions() {
        this(IDLE_DEFAULT, MAX_AGE_DEFAULT, Clock.systemUTC());
    }

    public Duration maxAge() { return maxAge; }

    /** Opens a session for the key with this SHA-256. */
    public Session open(String keySha256) {
        Instant now = clock.instant();
        if (sessions.size() >= MAX_SESSIONS) purge(now);
        if (sessions.size() >= MAX_SESSIONS) {
            sessions.values().stream().min(java.util.Comparator.comparing(Session::lastSeen))
                    .ifPresent(oldest -> sessions.remove(oldest.id()));
        }
        Session s = new Session(random(), keySha256, random(), now, now);
        sessions.put(s.id(), s);
        return s;
    }

    /** The live session with this id, its idle time restarted; empty when unknown or expired (then it is dropped). */
    public Optional<Session> touch(String id) {
        if (id == null || id.isBlank()) return Optional.empty();
        Instant now = clock.instant();
        Session s = sessions.get(id);
        if (s == null) return Optional.empty();
        if (!now.isBefore(s.expires(idle, maxAge))) {
            sessions.remove(id, s);
            return Optional.empty();
        }
        Session touched = new Session(s.id(), s.keySha256(), s.csrfToken(), s.created(), now);
        sessions.replace(id, s, touched);
        return Optional.of(touched);
    }

    /** When the session ends unless used again. */
    public Instant expires(Session s) { return s.expires(idle, maxAge); }

    public void close(String id) {
        if (id != null) sessions.remove(id);
    }

    /** Ends every session (for tests, and when keys are rotated wholesale). */
    public void closeAll() { sessions.clear(); }

    public int size() { return sessions.size(); }

    private void purge(Instant now) {
        sessions.values().removeIf(s -> !now.isBefore(s.expires(idle, maxAge)));
    }

    private static String random() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
