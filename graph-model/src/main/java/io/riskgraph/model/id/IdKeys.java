package io.riskgraph.model.id;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Where the ID hashing key comes from: the environment variable {@link #ENV} (base64) if set, else a key file
 * that is created with fresh random bytes the first time. Every ingest into one store must use the same key, or
 * the same person stops matching across loads; back the key file up with the store.
 */
public final class IdKeys {
    public static final String ENV = "RISKGRAPH_ID_KEY";
    public static final int KEY_BYTES = 32;

    private IdKeys() {}

    public static IdProtector protector(Path keyFile) {
        String fromEnv = System.getenv(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            try {
                return new IdProtector(Base64.getDecoder().decode(fromEnv.strip()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(ENV + " must be base64 of at least " + IdProtector.MIN_KEY_BYTES
                        + " bytes: " + e.getMessage());
            }
        }
        return new IdProtector(loadOrCreate(keyFile));
    }

    /**
     * The key in {@code keyFile} (base64), created with {@link #KEY_BYTES} fresh random bytes, readable by the owner
     * only, the first time. Also used for other keys kept beside the store (the inspection-code signing key).
     */
    public static byte[] loadOrCreate(Path keyFile) {
        try {
            if (Files.exists(keyFile)) return Base64.getDecoder().decode(Files.readString(keyFile).strip());
            byte[] key = new byte[KEY_BYTES];
            new SecureRandom().nextBytes(key);
            Path parent = keyFile.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = Files.createTempFile(parent, "id-key", ".tmp");
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: permissions stay as the platform makes them
            }
            Files.writeString(tmp, Base64.getEncoder().encodeToString(key) + "\n");
            Files.move(tmp, keyFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the key file " + keyFile, e);
        }
    }
}
