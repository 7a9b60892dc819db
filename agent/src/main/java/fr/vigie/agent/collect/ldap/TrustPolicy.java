package fr.vigie.agent.collect.ldap;

import fr.vigie.agent.config.Secret;
import java.nio.file.Path;
import java.util.Optional;

/** Which server certificates the agent accepts. Applies to one connection only, never JVM-wide. */
public sealed interface TrustPolicy {
    /** The JVM's default trust store (cacerts). */
    record SystemDefault() implements TrustPolicy {}

    /** A PKCS12 or JKS trust store file holding the CA that signed the DC's certificate. */
    record TrustStore(Path file, Optional<Secret> password) implements TrustPolicy {}

    /** Accept exactly the server certificate with this SHA-256 fingerprint (hex, colons optional). */
    record PinnedCertificate(String sha256) implements TrustPolicy {}

    /** Accept any certificate: no protection against interception. Only with --insecure-trust-any-certificate. */
    record TrustAnyCertificateInsecure() implements TrustPolicy {}
}
