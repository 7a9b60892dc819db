package fr.vigie.collector.tls;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Generates the demo's self-signed TLS identity (EC P-256, SHA256withECDSA, SANs for the given host names and IP
 * addresses, valid two years) into a PKCS#12 key store, with a random password written to a 0600 file next to
 * it. Agents trust it through the pin in their enrollment token, not through a CA. For production, give
 * {@code serve} a key store issued by your PKI. Stateless.
 */
public final class SelfSignedCertificate {
    private SelfSignedCertificate() {}

    /** Creates {@code p12} and {@code passwordFile} (both 0600) unless {@code p12} exists; loads it. */
    public static TlsMaterial ensure(Path p12, Path passwordFile, List<String> hostnames) throws IOException {
        if (!Files.exists(p12)) {
            generate(p12, passwordFile, hostnames);
        }
        char[] pw = Files.readString(passwordFile, StandardCharsets.UTF_8).strip().toCharArray();
        return TlsMaterial.load(p12, pw);
    }

    private static void generate(Path p12, Path passwordFile, List<String> hostnames) throws IOException {
        try {
            Files.createDirectories(p12.toAbsolutePath().getParent());
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair kp = g.generateKeyPair();
            Instant now = Instant.now();
            X500Name subject = new X500Name("CN=" + hostnames.get(0).replaceAll("[,=+<>#;\"\\\\]", "") + ",O=Vigie collector");
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(subject, new BigInteger(127, new SecureRandom()),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(730))), subject,
                    kp.getPublic());
            List<GeneralName> names = new ArrayList<>();
            for (String h : hostnames) {
                boolean ip = h.matches("[0-9.]+") || h.contains(":");
                names.add(ip ? new GeneralName(GeneralName.iPAddress, InetAddress.getByName(h).getHostAddress())
                        : new GeneralName(GeneralName.dNSName, h));
            }
            b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names.toArray(new GeneralName[0])));
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
                    b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(kp.getPrivate())));
            byte[] pwBytes = new byte[24];
            new SecureRandom().nextBytes(pwBytes);
            char[] pw = Base64.getUrlEncoder().withoutPadding().encodeToString(pwBytes).toCharArray();
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("vigie-collector", kp.getPrivate(), pw, new Certificate[] {cert});
            writePrivate(passwordFile, new String(pw).getBytes(StandardCharsets.UTF_8));
            Path tmp = p12.resolveSibling(p12.getFileName() + ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                ks.store(out, pw);
            }
            restrict(tmp);
            Files.move(tmp, p12, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IOException("cannot generate a self-signed certificate: " + e.getMessage(), e);
        }
    }

    private static void writePrivate(Path file, byte[] content) throws IOException {
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        Files.write(file, content, StandardOpenOption.TRUNCATE_EXISTING);
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not POSIX: rely on the directory's ACL
        }
    }
}
