package fr.vigie.wire;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Ed25519 key handling with the JDK 17 provider (no BouncyCastle needed) and the agent id derived from the public
 * key: the lower-case base32 of the first 20 bytes of SHA-256 over the X.509 SubjectPublicKeyInfo encoding (32
 * characters). An agent id thus names exactly one key: a reinstall with a new key is a new agent. Stateless.
 */
public final class AgentKeys {
    /** Signature and key algorithm name (JDK 15+). */
    public static final String ALGORITHM = "Ed25519";
    /** Shape of an agent id. */
    public static final Pattern AGENT_ID = Pattern.compile("[a-z2-7]{32}");
    /** Length of an Ed25519 SubjectPublicKeyInfo DER encoding. */
    private static final int SPKI_LENGTH = 44;

    private AgentKeys() {}

    /** A fresh key pair from the platform's strong random source. */
    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no Ed25519 provider", e);
        }
    }

    /** The agent id of a public key (see class doc). */
    public static String agentId(PublicKey key) {
        return agentId(key.getEncoded());
    }

    /** The agent id of an X.509 SubjectPublicKeyInfo encoding. */
    public static String agentId(byte[] spki) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(spki);
            return Base32.encode(Arrays.copyOf(hash, 20));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Decodes an Ed25519 public key from its X.509 SubjectPublicKeyInfo DER.
     *
     * @throws WireException {@code bad_public_key} when the bytes are not an Ed25519 public key
     */
    public static PublicKey publicKey(byte[] spki) throws WireException {
        if (spki == null || spki.length != SPKI_LENGTH) {
            throw new WireException("bad_public_key", "not an Ed25519 public key (expected 44 bytes of SPKI DER)");
        }
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(spki));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new WireException("bad_public_key", "not an Ed25519 public key", e);
        }
    }

    /**
     * Decodes an Ed25519 private key from PKCS#8 DER.
     *
     * @throws WireException {@code bad_private_key} when the bytes are not an Ed25519 private key
     */
    public static PrivateKey privateKey(byte[] pkcs8) throws WireException {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new WireException("bad_private_key", "not an Ed25519 private key", e);
        }
    }
}
