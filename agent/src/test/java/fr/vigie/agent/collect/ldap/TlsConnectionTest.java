package fr.vigie.agent.collect.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.vigie.agent.collect.ldap.CollectionException.Reason;
import fr.vigie.agent.collect.ldap.adlike.AdLikeDirectory;
import fr.vigie.agent.collect.ldap.adlike.TestCertificates;
import fr.vigie.agent.config.Secret;
import fr.vigie.snapshot.DirectorySnapshot;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LDAPS and StartTLS with each trust policy; trust applies to the one connection only. */
class TlsConnectionTest {
    @TempDir
    static Path dir;

    private static TestCertificates dcCert;
    private static AdLikeDirectory dc;

    @BeforeAll
    static void start() throws Exception {
        dcCert = TestCertificates.generate(dir, "dc1.example.test", List.of("dc1.example.test", "localhost"),
                List.of("127.0.0.1"));
        dc = AdLikeDirectory.builder().ldaps(dcCert).startTls(dcCert).start();
    }

    @AfterAll
    static void stop() {
        dc.close();
    }

    @Test
    void anUntrustedCertificateIsRefusedWithItsSubjectAndFingerprint() {
        LdapTarget target = ldaps(dc.ldapsPort(), new TrustPolicy.SystemDefault());

        assertThatThrownBy(() -> Targets.collect(target)).isInstanceOfSatisfying(CollectionException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.TLS_UNTRUSTED);
            assertThat(e.getMessage()).startsWith("certificate not trusted: subject CN=dc1.example.test,O=Vigie Test")
                    .contains("SHA-256 " + dcCert.sha256())
                    .endsWith("— give --trust-store with the CA that signed it, or --pin-sha256 with its fingerprint");
        });
    }

    @Test
    void aPinnedCertificateIsAcceptedWhateverTheFingerprintNotation() throws Exception {
        String pin = dcCert.sha256().replace(":", "").toLowerCase(Locale.ROOT);

        DirectorySnapshot s = Targets.collect(ldaps(dc.ldapsPort(), new TrustPolicy.PinnedCertificate(pin)));

        assertThat(s.isComplete()).isTrue();
        assertThat(s.domain().sid()).isEqualTo(AdLikeDirectory.DOMAIN_SID);
    }

    @Test
    void anotherPinIsRefused() {
        String other = "AA:" + dcCert.sha256().substring(3);
        LdapTarget target = ldaps(dc.ldapsPort(), new TrustPolicy.PinnedCertificate(
                other.equals(dcCert.sha256()) ? "BB:" + dcCert.sha256().substring(3) : other));

        assertThatThrownBy(() -> Targets.collect(target)).isInstanceOfSatisfying(CollectionException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.TLS_UNTRUSTED);
            assertThat(e.getMessage()).contains("does not match the pinned fingerprint", dcCert.sha256());
        });
    }

    @Test
    void aMalformedPinIsATlsConfigurationError() {
        LdapTarget target = ldaps(dc.ldapsPort(), new TrustPolicy.PinnedCertificate("12:34"));

        assertThatThrownBy(() -> Targets.collect(target)).isInstanceOfSatisfying(CollectionException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.TLS_FAILED);
            assertThat(e.getMessage()).contains("not a SHA-256 fingerprint");
        });
    }

    @Test
    void aTrustStoreWithTheCertificateWorksAndTheHostNameIsVerified() throws Exception {
        TrustPolicy trust = new TrustPolicy.TrustStore(dcCert.trustStore(),
                Optional.of(Secret.of(TestCertificates.PASSWORD.toCharArray())));

        assertThat(Targets.collect(ldaps(dc.ldapsPort(), trust)).isComplete()).isTrue();
        assertThat(Targets.collect(target("localhost", dc.ldapsPort(), Transport.LDAPS, trust)).isComplete()).isTrue();
    }

    @Test
    void aTrustedCertificateForAnotherNameIsRefused() throws Exception {
        // UnboundID's HostNameSSLSocketVerifier accepts any name for a loopback address, so the mismatch is shown
        // with a verifier that applies the same rule as for a remote DC (the name must be in the certificate).
        TestCertificates elsewhere = TestCertificates.generate(dir, "dc9.elsewhere.test", List.of("dc9.elsewhere.test"),
                List.of());
        try (AdLikeDirectory other = AdLikeDirectory.builder().ldaps(elsewhere).start()) {
            TrustPolicy trust = new TrustPolicy.TrustStore(elsewhere.trustStore(),
                    Optional.of(Secret.of(TestCertificates.PASSWORD.toCharArray())));
            List<String> checkedNames = new java.util.ArrayList<>();
            LdapConnector connector = new LdapConnector(ldaps(other.ldapsPort(), trust), d -> { }, Duration.ZERO,
                    (host, session) -> checkedNames.add(host) && !host.equals("127.0.0.1"));

            assertThatThrownBy(connector::open).isInstanceOfSatisfying(CollectionException.class, e -> {
                assertThat(e.reason()).isEqualTo(Reason.TLS_UNTRUSTED);
                assertThat(e.getMessage()).contains("is not valid for the name '127.0.0.1'",
                        "it names: dc9.elsewhere.test", elsewhere.sha256(), "--pin-sha256");
            });
            assertThat(checkedNames).containsExactly("127.0.0.1");
        }
    }

    @Test
    void pinnedAndTrustAnyCertificatesSkipHostNameVerification() throws Exception {
        List<String> checkedNames = new java.util.ArrayList<>();
        LdapConnector connector = new LdapConnector(ldaps(dc.ldapsPort(),
                new TrustPolicy.PinnedCertificate(dcCert.sha256())), d -> { }, Duration.ZERO,
                (host, session) -> checkedNames.add(host) && false);

        connector.open().close();

        assertThat(checkedNames).isEmpty();
    }

    @Test
    void aMissingTrustStoreSaysSo() {
        LdapTarget target = ldaps(dc.ldapsPort(), new TrustPolicy.TrustStore(dir.resolve("nope.p12"), Optional.empty()));

        assertThatThrownBy(() -> Targets.collect(target)).isInstanceOfSatisfying(CollectionException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.TLS_FAILED);
            assertThat(e.getMessage()).contains("nope.p12", "--trust-store");
        });
    }

    @Test
    void startTlsWithAPinnedCertificateWorks() throws Exception {
        DirectorySnapshot s = Targets.collect(target("127.0.0.1", dc.port(), Transport.STARTTLS,
                new TrustPolicy.PinnedCertificate(dcCert.sha256())));

        assertThat(s.isComplete()).isTrue();
    }

    @Test
    void startTlsUntrustedIsRefusedBeforeTheBind() {
        LdapTarget target = target("127.0.0.1", dc.port(), Transport.STARTTLS, new TrustPolicy.SystemDefault());

        assertThatThrownBy(() -> Targets.collect(target)).isInstanceOfSatisfying(CollectionException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.TLS_UNTRUSTED));
    }

    @Test
    void startTlsOnAServerWithoutTlsIsATlsFailure() throws Exception {
        try (AdLikeDirectory plain = AdLikeDirectory.builder().start()) {
            LdapTarget target = target("127.0.0.1", plain.port(), Transport.STARTTLS,
                    new TrustPolicy.TrustAnyCertificateInsecure());

            assertThatThrownBy(() -> Targets.collect(target)).isInstanceOfSatisfying(CollectionException.class, e -> {
                assertThat(e.reason()).isEqualTo(Reason.TLS_FAILED);
                assertThat(e.getMessage()).contains("refused StartTLS", "LDAPS");
            });
        }
    }

    @Test
    void ldapsOnAPlainPortIsATlsFailure() {
        LdapTarget target = target("127.0.0.1", dc.port(), Transport.LDAPS, new TrustPolicy.TrustAnyCertificateInsecure());

        assertThatThrownBy(() -> Targets.collect(target)).isInstanceOfSatisfying(CollectionException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.TLS_FAILED);
            assertThat(e.getMessage()).contains("TLS handshake with 127.0.0.1:" + dc.port() + " failed");
        });
    }

    @Test
    void ldapsOnAPortThatResetsTheHandshakeIsATlsFailureNotUnreachable() throws Exception {
        // What Samba does when a TLS ClientHello reaches its plain LDAP port: accept, then reset the connection.
        try (java.net.ServerSocket server = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Thread resetter = new Thread(() -> {
                try (java.net.Socket s = server.accept()) {
                    s.getInputStream().read();
                    s.setSoLinger(true, 0);
                } catch (java.io.IOException ignored) {
                    // the test asserts what the client saw
                }
            });
            resetter.start();
            LdapTarget target = target("127.0.0.1", server.getLocalPort(), Transport.LDAPS,
                    new TrustPolicy.TrustAnyCertificateInsecure());

            assertThatThrownBy(() -> Targets.collect(target)).isInstanceOfSatisfying(CollectionException.class, e -> {
                assertThat(e.reason()).isEqualTo(Reason.TLS_FAILED);
                assertThat(e.getMessage()).contains("speaks LDAPS");
            });
            resetter.join(5000);
        }
    }

    @Test
    void trustAnyCertificateIsAcceptedOnlyWhenAskedFor() throws Exception {
        assertThat(Targets.collect(ldaps(dc.ldapsPort(), new TrustPolicy.TrustAnyCertificateInsecure())).isComplete())
                .isTrue();
    }

    private static LdapTarget ldaps(int port, TrustPolicy trust) {
        return target("127.0.0.1", port, Transport.LDAPS, trust);
    }

    private static LdapTarget target(String host, int port, Transport transport, TrustPolicy trust) {
        return Targets.target(host, port, transport, trust, AdLikeDirectory.AUDIT_PASSWORD, 1);
    }
}
