package fr.vigie.agent.export;

import fr.vigie.agent.delivery.PrivateFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The agent's pseudonymization key: 32 random bytes generated once ({@link SecureRandom}) and kept in the state
 * directory as {@value #FILE} (0600, directory 0700). It never leaves the agent: the collector receives only
 * pseudonyms and a {@link #keyId() key id}. Keeping the file keeps the pseudonyms stable across reports, restarts and
 * re-enrollments; deleting it starts a new, unlinkable series. Immutable and thread-safe ({@link Mac} instances are
 * made per use); {@link #toString()} never shows the key.
 */
public final class PseudonymKey {
    /** File name in the state directory. */
    public static final String FILE = "pseudonym.key";
    /** Key length in bytes. */
    public static final int LENGTH = 32;
    private static final String HMAC = "HmacSHA256";

    private final byte[] key;

    private PseudonymKey(byte[] key) {
        if (key.length != LENGTH) {
            throw new IllegalArgumentException("a pseudonym key has " + LENGTH + " bytes, not " + key.length);
        }
        this.key = key.clone();
    }

    /** A key from its bytes (tests, or a key restored by the administrator). */
    public static PseudonymKey of(byte[] key) {
        return new PseudonymKey(key);
    }

    /**
     * Loads the key of a state directory, generating it on first use. Creation is atomic and never replaces an
     * existing key, so two agent processes starting together end up with the same key.
     *
     * @throws IOException when the key file cannot be written or read, is readable by other users, or is damaged
     */
    public static PseudonymKey loadOrCreate(Path stateDir) throws IOException {
        Path file = stateDir.resolve(FILE);
        if (!Files.exists(file)) {
            PrivateFiles.directory(stateDir);
            byte[] fresh = new byte[LENGTH];
            new SecureRandom().nextBytes(fresh);
            Path tmp = stateDir.resolve(PrivateFiles.TMP_PREFIX + "key-" + UUID.randomUUID());
            try {
                PrivateFiles.writeAtomically(tmp, fresh);
                try {
                    Files.createLink(file, tmp); // fails if another process created the key meanwhile
                } catch (FileAlreadyExistsException raced) {
                    // keep theirs
                }
            } finally {
                Arrays.fill(fresh, (byte) 0);
                Files.deleteIfExists(tmp);
            }
            PrivateFiles.syncDirectory(stateDir);
        }
        if (PrivateFiles.readableByOthers(file)) {
            throw new IOException(file + " is readable by other users: run chmod 600 " + file);
        }
        byte[] bytes = Files.readAllBytes(file);
        try {
            if (bytes.length != LENGTH) {
                throw new IOException(file + " is damaged (" + bytes.length + " bytes instead of " + LENGTH
                        + "); restore it from a backup to keep the pseudonyms, or delete it to start a new series");
            }
            return new PseudonymKey(bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** HMAC-SHA-256 of the text under this key. */
    byte[] mac(String text) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available in this JVM", e);
        }
    }

    /**
     * A public identifier of the key (16 hex digits of a MAC of a fixed label): equal ids mean comparable pseudonyms.
     * It does not reveal the key.
     */
    public String keyId() {
        return HexFormat.of().formatHex(mac("vigie-pseudonym-key-id"), 0, 8);
    }

    @Override
    public String toString() {
        return "PseudonymKey[" + keyId() + "]";
    }
}
