package io.riskgraph.cypher;

import io.riskgraph.store.GraphStoreException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * The password of the embedded database's Bolt port: random, made the first time a store is opened (new stores and
 * stores from before authentication alike), kept in {@value #FILE} in the store folder, readable and writable by
 * its owner only. The user is always {@value #USER}. Every riskgraph process that opens the store reads it from
 * there; people read it with {@code riskgraph credentials}.
 */
public final class BoltCredentials {
    public static final String FILE = "bolt-password";
    public static final String USER = "neo4j";
    private static final int RANDOM_BYTES = 24;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private BoltCredentials() {}

    public static Path file(Path storeDir) {
        return storeDir.resolve(FILE);
    }

    /** The store's password, or null when the store has none yet (it gets one on its next open). */
    public static String read(Path storeDir) {
        Path f = file(storeDir);
        if (!Files.isRegularFile(f)) return null;
        try {
            String p = Files.readString(f).strip();
            return p.isEmpty() ? null : p;
        } catch (IOException e) {
            throw new GraphStoreException("cannot read the Bolt password file " + f + ": " + e.getMessage(), e);
        }
    }

    /**
     * The store's password, made (random, file mode 0600) if there is none; an existing file whose permissions
     * are wider than the owner's is narrowed.
     */
    static String loadOrCreate(Path storeDir) {
        Path f = file(storeDir);
        try {
            String existing = read(storeDir);
            if (existing != null) {
                restrict(f);
                return existing;
            }
            byte[] bytes = new byte[RANDOM_BYTES];
            new SecureRandom().nextBytes(bytes);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            Path tmp = Files.createTempFile(storeDir, FILE, ".tmp");
            restrict(tmp);
            Files.writeString(tmp, password + "\n");
            Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return password;
        } catch (IOException e) {
            throw new GraphStoreException("cannot create the Bolt password file " + f + ": " + e.getMessage(), e);
        }
    }

    private static void restrict(Path f) throws IOException {
        try {
            if (!Files.getPosixFilePermissions(f).equals(OWNER_ONLY)) Files.setPosixFilePermissions(f, OWNER_ONLY);
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system: permissions stay as the platform makes them
        }
    }
}
