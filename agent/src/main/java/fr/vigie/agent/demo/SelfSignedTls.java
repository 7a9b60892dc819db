package fr.vigie.agent.demo;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.util.ObjectPair;
import com.unboundid.util.ssl.cert.CertException;
import com.unboundid.util.ssl.cert.PublicKeyAlgorithmIdentifier;
import com.unboundid.util.ssl.cert.SignatureAlgorithmIdentifier;
import com.unboundid.util.ssl.cert.X509Certificate;
import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocketFactory;

/**
 * A throwaway self-signed server certificate (EC P-256, SHA256withECDSA, subject {@code CN=<DC host name>}) made in
 * memory for the demonstration server. Nothing is written to disk. It has no subjectAltName: clients trust it by
 * pinning its {@link #sha256() SHA-256 fingerprint}, which does not verify host names. Immutable.
 */
public final class SelfSignedTls {
    private final SSLServerSocketFactory serverSocketFactory;
    private final String sha256;
    private final byte[] certificate;

    private SelfSignedTls(SSLServerSocketFactory serverSocketFactory, String sha256, byte[] certificate) {
        this.serverSocketFactory = serverSocketFactory;
        this.sha256 = sha256;
        this.certificate = certificate;
    }

    /**
     * @param hostName the DC's DNS name, e.g. {@code DC01.ch-exemple.local}
     * @param now      start of validity (minus a day for clock skew); valid for a year
     * @throws GeneralSecurityException when the JDK cannot build the key store or TLS context
     */
    public static SelfSignedTls generate(String hostName, Instant now) throws GeneralSecurityException {
        try {
            long from = now.minus(Duration.ofDays(1)).toEpochMilli();
            long to = now.plus(Duration.ofDays(365)).toEpochMilli();
            ObjectPair<X509Certificate, KeyPair> pair = X509Certificate.generateSelfSignedCertificate(
                    SignatureAlgorithmIdentifier.SHA_256_WITH_ECDSA, PublicKeyAlgorithmIdentifier.EC, 256,
                    new DN("CN=" + hostName + ",O=Vigie demonstration"), from, to);
            byte[] der = pair.getFirst().getX509CertificateBytes();
            Certificate cert = CertificateFactory.getInstance("X.509").generateCertificate(
                    new ByteArrayInputStream(der));
            char[] storePassword = new char[24];
            SecureRandom random = new SecureRandom();
            for (int i = 0; i < storePassword.length; i++) {
                storePassword[i] = (char) ('a' + random.nextInt(26));
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", pair.getSecond().getPrivate(), storePassword, new Certificate[] {cert});
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(store, storePassword);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, random);
            String fingerprint = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
            return new SelfSignedTls(context.getServerSocketFactory(), fingerprint, der);
        } catch (CertException | LDAPException | java.io.IOException e) {
            throw new GeneralSecurityException("cannot generate the demonstration server's certificate: "
                    + e.getMessage(), e);
        }
    }

    public SSLServerSocketFactory serverSocketFactory() {
        return serverSocketFactory;
    }

    /** SHA-256 of the DER certificate, lowercase hex without separators. */
    public String sha256() {
        return sha256;
    }

    /** The DER-encoded certificate (a copy). */
    public byte[] certificate() {
        return certificate.clone();
    }
}
