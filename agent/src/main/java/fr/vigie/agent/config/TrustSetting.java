package fr.vigie.agent.config;

import fr.vigie.agent.collect.ldap.TrustPolicy;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The certificate trust chosen by the user, before any secret is read. Turned into a {@link TrustPolicy} (which may
 * hold the trust-store password) just before connecting. Immutable.
 */
public sealed interface TrustSetting {
    /** The JVM's default trust store. */
    record SystemDefault() implements TrustSetting {}

    /** A trust store file and, optionally, a file holding its password. */
    record TrustStoreFile(Path file, Optional<Path> passwordFile) implements TrustSetting {
        public TrustStoreFile {
            Objects.requireNonNull(file, "file");
            passwordFile = passwordFile == null ? Optional.empty() : passwordFile;
        }
    }

    /** One certificate pinned by its SHA-256 fingerprint: 64 lower-case hex digits, no colons. */
    record Pinned(String sha256) implements TrustSetting {
        public Pinned {
            Objects.requireNonNull(sha256, "sha256");
        }
    }

    /** Any certificate, insecure: only with {@code --insecure-trust-any-certificate}. */
    record AnyCertificateInsecure() implements TrustSetting {}

    /**
     * The policy for the collector.
     *
     * @throws ConfigException when the trust-store password file cannot be read
     */
    default TrustPolicy toPolicy() throws ConfigException {
        if (this instanceof TrustStoreFile t) {
            if (!java.nio.file.Files.isRegularFile(t.file())) {
                throw new ConfigException("--trust-store " + t.file() + ": no such file (give the PKCS12 or JKS file "
                        + "holding the CA that signed the DC's certificate)");
            }
            Optional<Secret> password = Optional.empty();
            if (t.passwordFile().isPresent()) {
                password = Optional.of(new PasswordSource.FromFile(t.passwordFile().get())
                        .read(name -> null, message -> {
                            throw new java.io.IOException("no prompt for the trust-store password");
                        }, "trust-store password"));
            }
            return new TrustPolicy.TrustStore(t.file(), password);
        }
        if (this instanceof Pinned p) {
            return new TrustPolicy.PinnedCertificate(p.sha256());
        }
        if (this instanceof AnyCertificateInsecure) {
            return new TrustPolicy.TrustAnyCertificateInsecure();
        }
        return new TrustPolicy.SystemDefault();
    }
}
