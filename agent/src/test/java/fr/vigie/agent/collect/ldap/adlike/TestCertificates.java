package fr.vigie.agent.collect.ldap.adlike;

import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.util.ssl.cert.ManageCertificates;
import fr.vigie.agent.collect.ldap.PinnedCertificateTrustManager;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * A self-signed server certificate in a PKCS12 key store, generated with UnboundID's manage-certificates (EC P-256:
 * fast), plus a trust store holding only that certificate. Immutable.
 *
 * @param keyStore   PKCS12 key store with the private key under alias {@code server-cert}
 * @param trustStore PKCS12 trust store with the certificate alone
 * @param password   password of both stores
 * @param sha256     SHA-256 fingerprint of the certificate (colon-separated hex)
 */
public record TestCertificates(Path keyStore, Path trustStore, char[] password, String sha256) {
    public static final String PASSWORD = "changeit-test";

    /** A certificate for {@code subjectCn} with the given DNS and IP subject alternative names. */
    public static TestCertificates generate(Path dir, String subjectCn, List<String> dnsNames, List<String> ips)
            throws Exception {
        Files.createDirectories(dir);
        Path keyStore = dir.resolve("server-" + subjectCn + ".p12");
        Path trustStore = dir.resolve("trust-" + subjectCn + ".p12");
        List<String> args = new ArrayList<>(List.of("generate-self-signed-certificate", "--keystore", keyStore.toString(),
                "--keystore-password", PASSWORD, "--keystore-type", "PKCS12", "--alias", "server-cert", "--subject-dn",
                "CN=" + subjectCn + ",O=Vigie Test", "--days-valid", "30", "--key-algorithm", "EC", "--key-size-bits",
                "256", "--signature-algorithm", "SHA256withECDSA", "--extended-key-usage", "server-auth"));
        for (String dns : dnsNames) {
            args.add("--subject-alternative-name-dns");
            args.add(dns);
        }
        for (String ip : ips) {
            args.add("--subject-alternative-name-ip-address");
            args.add(ip);
        }
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        ResultCode rc = new ManageCertificates(InputStream.nullInputStream(), log, log).runTool(args.toArray(new String[0]));
        if (rc != ResultCode.SUCCESS) {
            throw new IllegalStateException("manage-certificates failed: " + rc + "\n" + log);
        }
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            ks.load(in, PASSWORD.toCharArray());
        }
        X509Certificate cert = (X509Certificate) ks.getCertificate("server-cert");
        KeyStore ts = KeyStore.getInstance("PKCS12");
        ts.load(null, null);
        ts.setCertificateEntry("dc", cert);
        try (OutputStream out = Files.newOutputStream(trustStore)) {
            ts.store(out, PASSWORD.toCharArray());
        }
        return new TestCertificates(keyStore, trustStore, PASSWORD.toCharArray(),
                PinnedCertificateTrustManager.fingerprint(cert));
    }
}
