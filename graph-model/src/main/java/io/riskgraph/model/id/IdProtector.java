package io.riskgraph.model.id;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * Turns a clear resident ID number into a {@link ProtectedId}: HMAC-SHA256 under a secret key, and a mask that
 * keeps the first four and last four characters. Without the key the hash cannot be reversed by enumerating
 * the (small) space of valid ID numbers.
 */
public final class IdProtector {
    public static final int MIN_KEY_BYTES = 32;
    private static final int KEEP_HEAD = 4;
    private static final int KEEP_TAIL = 4;

    private final SecretKeySpec key;

    public IdProtector(byte[] key) {
        if (key == null || key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("ID hashing key must have at least " + MIN_KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    public ProtectedId protect(String clear) {
        String normalised = clear.strip().toUpperCase(java.util.Locale.ROOT);
        boolean valid = ResidentId.check(normalised).isValid();
        return new ProtectedId(hash(normalised), mask(normalised), valid);
    }

    public String hash(String normalised) {
        // doFinal resets the Mac to its key: one per thread, not a provider lookup and key set-up per number
        Mac mac = macs.get();
        return HexFormat.of().formatHex(mac.doFinal(normalised.getBytes(StandardCharsets.UTF_8)));
    }

    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    public static String mask(String id) {
        if (id.length() <= KEEP_HEAD + KEEP_TAIL) return "*".repeat(id.length());
        return id.substring(0, KEEP_HEAD) + "*".repeat(id.length() - KEEP_HEAD - KEEP_TAIL)
                + id.substring(id.length() - KEEP_TAIL);
    }
}
