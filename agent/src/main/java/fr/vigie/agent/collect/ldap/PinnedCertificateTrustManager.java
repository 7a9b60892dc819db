package fr.vigie.agent.collect.ldap;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import javax.net.ssl.X509TrustManager;

/**
 * Trusts exactly one server certificate, identified by the SHA-256 fingerprint of its DER encoding (what
 * {@code openssl x509 -fingerprint -sha256} and {@code keytool -list -v} print). Chain, validity dates and host name
 * are not examined: the pin is the whole decision. Immutable and thread-safe.
 */
public final class PinnedCertificateTrustManager implements X509TrustManager {
    private final String pin;

    /**
     * @param sha256 64 hex digits, colons, spaces and case ignored
     * @throws IllegalArgumentException when the text is not a SHA-256 fingerprint
     */
    public PinnedCertificateTrustManager(String sha256) {
        this.pin = normalize(sha256);
    }

    /**
     * The fingerprint in lower-case hex without separators.
     *
     * @throws IllegalArgumentException when the text is not 64 hex digits once colons and spaces are removed
     */
    public static String normalize(String sha256) {
        Objects.requireNonNull(sha256, "sha256");
        String hex = sha256.replace(":", "").replace(" ", "").toLowerCase(Locale.ROOT);
        if (hex.length() != 64 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException("'" + sha256 + "' is not a SHA-256 fingerprint (64 hex digits, colons "
                    + "allowed)");
        }
        return hex;
    }

    /** SHA-256 of the certificate's DER encoding, as upper-case hex pairs separated by colons. */
    public static String fingerprint(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint certificate " + certificate.getSubjectX500Principal(), e);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the server sent no certificate");
        }
        String actual = normalize(fingerprint(chain[0]));
        if (!MessageDigest.isEqual(actual.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                pin.getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
            throw new CertificateException("server certificate SHA-256 " + fingerprint(chain[0])
                    + " does not match the pinned fingerprint");
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("this trust manager only checks servers");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
