package io.riskgraph.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * API keys in a JSON-lines file ({@code api-keys.jsonl}): one line per key with its name, role, SHA-256 of the key,
 * creation time and revocation time. The key itself is shown once, when created, and never stored. The file is
 * re-read when it changes, so keys made with {@code riskgraph keys create} work on a running server.
 *
 * <p>A verified key is remembered by its hash for {@link #VERIFIED_TTL} so that a busy server does not look at the
 * file on every request; keys created or revoked through this object take effect at once, a revocation made by
 * another process (the CLI) within that time.
 */
public final class ApiKeys {
    public static final String FILE = "api-keys.jsonl";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** How long a verified key hash is trusted before the file is consulted again. */
    public static final Duration VERIFIED_TTL = Duration.ofSeconds(1);

    public record Key(String name, Role role, String sha256, Instant created, Instant revoked) {
        public boolean active() { return revoked == null; }
    }

    /** A new key: the secret to hand over once, and its stored record. */
    public record Created(String secret, Key key) {}

    private final Path file;
    private List<Key> keys = List.of();
    private FileTime loadedAt;
    private record Verified(Key key, long until) {}
    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();
    /** Bumped on every change made here, so that a verification that raced with it is not remembered. */
    private final AtomicLong generation = new AtomicLong();

    public ApiKeys(Path dir) {
        this.file = dir.resolve(FILE);
    }

    public Path file() { return file; }

    public synchronized Created create(String name, Role role) {
        if (name == null || !name.matches("[A-Za-z0-9._@-]{1,64}")) {
            throw new IllegalArgumentException("key name '" + name + "' must be 1-64 letters, digits or . _ @ -");
        }
        if (list().stream().anyMatch(k -> k.name().equals(name) && k.active())) {
            throw new IllegalArgumentException("an active key named '" + name + "' exists; revoke it first or pick another name");
        }
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String secret = "rg_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Key key = new Key(name, role, sha256(secret), Instant.now(), null);
        List<Key> all = new ArrayList<>(list());
        all.add(key);
        save(all);
        return new Created(secret, key);
    }

    /** Revokes every active key of that name; false when there was none. */
    public synchronized boolean revoke(String name) {
        List<Key> all = new ArrayList<>();
        boolean found = false;
        for (Key k : list()) {
            if (k.name().equals(name) && k.active()) {
                all.add(new Key(k.name(), k.role(), k.sha256(), k.created(), Instant.now()));
                found = true;
            } else {
                all.add(k);
            }
        }
        if (found) save(all);
        return found;
    }

    public synchronized List<Key> list() {
        try {
            if (!Files.exists(file)) {
                keys = List.of();
                loadedAt = null;
                return keys;
            }
            FileTime modified = Files.getLastModifiedTime(file);
            if (modified.equals(loadedAt)) return keys;
            List<Key> read = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) continue;
                JsonNode n = Json.MAPPER.readTree(line);
                read.add(new Key(n.get("name").asText(), Role.parse(n.get("role").asText()), n.get("sha256").asText(),
                        Instant.parse(n.get("created").asText()),
                        n.hasNonNull("revoked") ? Instant.parse(n.get("revoked").asText()) : null));
            }
            keys = List.copyOf(read);
            loadedAt = modified;
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the keys file " + file + ": " + e.getMessage(), e);
        }
    }

    /** The active key with this secret. */
    public Optional<Key> authenticate(String secret) {
        if (secret == null || secret.isBlank()) return Optional.empty();
        String hex = sha256(secret.strip());
        long now = System.nanoTime();
        Verified v = verified.get(hex);
        if (v != null && now - v.until() < 0) return Optional.of(v.key());
        byte[] hash = hex.getBytes(StandardCharsets.US_ASCII);
        long gen = generation.get();
        for (Key k : list()) {
            if (k.active() && MessageDigest.isEqual(hash, k.sha256().getBytes(StandardCharsets.US_ASCII))) {
                synchronized (verified) {
                    if (generation.get() == gen) verified.put(hex, new Verified(k, now + VERIFIED_TTL.toNanos()));
                }
                return Optional.of(k);
            }
        }
        verified.remove(hex);
        return Optional.empty();
    }

    /** The active key whose secret has this SHA-256 (hex); how a web session re-checks its key on every request. */
    public Optional<Key> activeByHash(String sha256) {
        if (sha256 == null) return Optional.empty();
        byte[] hash = sha256.getBytes(StandardCharsets.US_ASCII);
        for (Key k : list()) {
            if (k.active() && MessageDigest.isEqual(hash, k.sha256().getBytes(StandardCharsets.US_ASCII))) return Optional.of(k);
        }
        return Optional.empty();
    }

    private void save(List<Key> all) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            StringBuilder sb = new StringBuilder();
            for (Key k : all) {
                ObjectNode n = Json.MAPPER.createObjectNode();
                n.put("name", k.name()).put("role", k.role().lower()).put("sha256", k.sha256())
                        .put("created", k.created().toString());
                if (k.revoked() != null) n.put("revoked", k.revoked().toString());
                sb.append(Json.MAPPER.writeValueAsString(n)).append('\n');
            }
            Path tmp = file.resolveSibling(FILE + ".tmp");
            Files.writeString(tmp, sb.toString(), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            loadedAt = null;
            synchronized (verified) {
                generation.incrementAndGet();
                verified.clear();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the keys file " + file + ": " + e.getMessage(), e);
        }
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
