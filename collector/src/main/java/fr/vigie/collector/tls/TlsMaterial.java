package fr.vigie.collector.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;

/**
 * The collector's TLS identity: a PKCS#12 key store holding one private key entry, and the pin agents use to
 * trust it (base64 SHA-256 of the certificate's SubjectPublicKeyInfo, carried by enrollment tokens). Immutable;
 * the password array is copied.
 */
public final class TlsMaterial {
    private final KeyStore keyStore;
    private final char[] password;
    private final String pin;

    private TlsMaterial(KeyStore keyStore, char[] password, String pin) {
        this.keyStore = keyStore;
        this.password = password.clone();
        this.pin = pin;
    }

    /**
     * Loads a PKCS#12 key store.
     *
     * @throws IOException when unreadable, the password is wrong, or it holds no private key
     */
    public static TlsMaterial load(Path p12, char[] password) throws IOException {
        try (InputStream in = Files.newInputStream(p12)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            for (String alias : Collections.list(ks.aliases())) {
                if (ks.isKeyEntry(alias)) {
                    return new TlsMaterial(ks, password, pinOf(ks.getCertificate(alias)));
                }
            }
            throw new IOException("the key store " + p12 + " holds no private key");
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read the key store " + p12 + ": " + e.getMessage(), e);
        }
    }

    /** Base64 SHA-256 of a certificate's SubjectPublicKeyInfo. */
    public static String pinOf(Certificate cert) {
        try {
            return Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(cert.getPublicKey().getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public KeyStore keyStore() {
        return keyStore;
    }

    public char[] password() {
        return password.clone();
    }

    public String pin() {
        return pin;
    }

    /** Wipes the password copy held here. */
    public void clear() {
        Arrays.fill(password, '\0');
    }
}
