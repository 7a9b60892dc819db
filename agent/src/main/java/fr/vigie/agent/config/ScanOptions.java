package fr.vigie.agent.config;

import fr.vigie.agent.export.ExportLevel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The settings of {@code vigie scan} as given by one layer (the configuration file, or the command line), every
 * value optional; {@link ScanSettings#resolve(ScanOptions)} validates them and applies the defaults. Immutable.
 *
 * <p>There is deliberately no password field: the password is only ever read from a file, an environment variable
 * or a prompt ({@link PasswordSource}).
 *
 * @param server                      DC host ({@code --server}, key {@code server})
 * @param port                        TCP port ({@code --port})
 * @param startTls                    plain connection upgraded with StartTLS ({@code --starttls})
 * @param insecurePlainLdap           no encryption at all ({@code --insecure-plain-ldap})
 * @param trustStore                  trust store file ({@code --trust-store})
 * @param trustStorePasswordFile      file holding the trust store's password ({@code --trust-store-password-file})
 * @param pinSha256                   SHA-256 fingerprint of the accepted DC certificate ({@code --pin-sha256})
 * @param insecureTrustAnyCertificate accept any certificate ({@code --insecure-trust-any-certificate})
 * @param bindDn                      audit account DN or UPN ({@code --bind-dn})
 * @param passwordFile                file holding the bind password ({@code --password-file})
 * @param passwordEnv                 variable holding the bind password ({@code --password-env})
 * @param baseDn                      domain to audit ({@code --base-dn})
 * @param out                         root directory of the reports ({@code --out})
 * @param thresholds                  site overrides file ({@code --thresholds})
 * @param ruleset                     alternative catalogue directory ({@code --ruleset})
 * @param timeout                     connect and per-operation timeout ({@code --timeout})
 * @param exportLevel                 what an uploaded copy of the report keeps ({@code --export-level})
 * @param noHost                      do not inspect the agent's own host ({@code --no-host}, key {@code no-host})
 * @param backupLocations             backup folders to scan on the host ({@code --backup-location}, repeatable; key
 *                                    {@code backup-locations}, a list)
 * @param backupSoftware              site-specific names of backup software processes, services or packages
 *                                    ({@code --backup-software}, repeatable; key {@code backup-software})
 * @param hostTimeout                 longest time the scan of one backup location may take ({@code --host-timeout})
 */
public record ScanOptions(
        Optional<String> server,
        Optional<Integer> port,
        Optional<Boolean> startTls,
        Optional<Boolean> insecurePlainLdap,
        Optional<Path> trustStore,
        Optional<Path> trustStorePasswordFile,
        Optional<String> pinSha256,
        Optional<Boolean> insecureTrustAnyCertificate,
        Optional<String> bindDn,
        Optional<Path> passwordFile,
        Optional<String> passwordEnv,
        Optional<String> baseDn,
        Optional<Path> out,
        Optional<Path> thresholds,
        Optional<Path> ruleset,
        Optional<Duration> timeout,
        Optional<ExportLevel> exportLevel,
        Optional<Boolean> noHost,
        Optional<List<Path>> backupLocations,
        Optional<List<String>> backupSoftware,
        Optional<Duration> hostTimeout) {

    public ScanOptions {
        backupLocations = backupLocations == null ? Optional.empty() : backupLocations.map(List::copyOf);
        backupSoftware = backupSoftware == null ? Optional.empty() : backupSoftware.map(List::copyOf);
    }

    /** Nothing set. */
    public static final ScanOptions NONE = builder().build();

    public static Builder builder() {
        return new Builder();
    }

    /**
     * This layer with another layered on top (the command line over the configuration file): a value of
     * {@code top} wins. Options that exclude each other move as a group, so that {@code --password-env} on the
     * command line replaces a {@code password-file} of the file instead of conflicting with it: the transport
     * ({@code starttls}, {@code insecure-plain-ldap}), the trust ({@code trust-store}, {@code pin-sha256},
     * {@code insecure-trust-any-certificate}) and the password source ({@code password-file},
     * {@code password-env}).
     */
    public ScanOptions overriddenBy(ScanOptions top) {
        boolean transport = top.startTls.isPresent() || top.insecurePlainLdap.isPresent();
        boolean trust = top.trustStore.isPresent() || top.pinSha256.isPresent()
                || top.insecureTrustAnyCertificate.isPresent();
        boolean password = top.passwordFile.isPresent() || top.passwordEnv.isPresent();
        return new ScanOptions(
                top.server.or(() -> server),
                top.port.or(() -> port),
                transport ? top.startTls : startTls,
                transport ? top.insecurePlainLdap : insecurePlainLdap,
                trust ? top.trustStore : trustStore,
                top.trustStorePasswordFile.or(() -> trustStorePasswordFile),
                trust ? top.pinSha256 : pinSha256,
                trust ? top.insecureTrustAnyCertificate : insecureTrustAnyCertificate,
                top.bindDn.or(() -> bindDn),
                password ? top.passwordFile : passwordFile,
                password ? top.passwordEnv : passwordEnv,
                top.baseDn.or(() -> baseDn),
                top.out.or(() -> out),
                top.thresholds.or(() -> thresholds),
                top.ruleset.or(() -> ruleset),
                top.timeout.or(() -> timeout),
                top.exportLevel.or(() -> exportLevel),
                top.noHost.or(() -> noHost),
                top.backupLocations.or(() -> backupLocations),
                top.backupSoftware.or(() -> backupSoftware),
                top.hostTimeout.or(() -> hostTimeout));
    }

    /** Mutable builder; not thread-safe. A null argument leaves the value unset. */
    public static final class Builder {
        private String server;
        private Integer port;
        private Boolean startTls;
        private Boolean insecurePlainLdap;
        private Path trustStore;
        private Path trustStorePasswordFile;
        private String pinSha256;
        private Boolean insecureTrustAnyCertificate;
        private String bindDn;
        private Path passwordFile;
        private String passwordEnv;
        private String baseDn;
        private Path out;
        private Path thresholds;
        private Path ruleset;
        private Duration timeout;
        private ExportLevel exportLevel;
        private Boolean noHost;
        private List<Path> backupLocations;
        private List<String> backupSoftware;
        private Duration hostTimeout;

        private Builder() {}

        public Builder server(String v) { server = v; return this; }
        public Builder port(Integer v) { port = v; return this; }
        public Builder startTls(Boolean v) { startTls = v; return this; }
        public Builder insecurePlainLdap(Boolean v) { insecurePlainLdap = v; return this; }
        public Builder trustStore(Path v) { trustStore = v; return this; }
        public Builder trustStorePasswordFile(Path v) { trustStorePasswordFile = v; return this; }
        public Builder pinSha256(String v) { pinSha256 = v; return this; }
        public Builder insecureTrustAnyCertificate(Boolean v) { insecureTrustAnyCertificate = v; return this; }
        public Builder bindDn(String v) { bindDn = v; return this; }
        public Builder passwordFile(Path v) { passwordFile = v; return this; }
        public Builder passwordEnv(String v) { passwordEnv = v; return this; }
        public Builder baseDn(String v) { baseDn = v; return this; }
        public Builder out(Path v) { out = v; return this; }
        public Builder thresholds(Path v) { thresholds = v; return this; }
        public Builder ruleset(Path v) { ruleset = v; return this; }
        public Builder timeout(Duration v) { timeout = v; return this; }
        public Builder exportLevel(ExportLevel v) { exportLevel = v; return this; }
        public Builder noHost(Boolean v) { noHost = v; return this; }
        /** An empty or null list leaves the value unset. */
        public Builder backupLocations(List<Path> v) {
            backupLocations = v == null || v.isEmpty() ? null : v;
            return this;
        }
        /** An empty or null list leaves the value unset. */
        public Builder backupSoftware(List<String> v) {
            backupSoftware = v == null || v.isEmpty() ? null : v;
            return this;
        }
        public Builder hostTimeout(Duration v) { hostTimeout = v; return this; }

        public ScanOptions build() {
            return new ScanOptions(Optional.ofNullable(server), Optional.ofNullable(port),
                    Optional.ofNullable(startTls),
                    Optional.ofNullable(insecurePlainLdap), Optional.ofNullable(trustStore),
                    Optional.ofNullable(trustStorePasswordFile), Optional.ofNullable(pinSha256),
                    Optional.ofNullable(insecureTrustAnyCertificate), Optional.ofNullable(bindDn),
                    Optional.ofNullable(passwordFile), Optional.ofNullable(passwordEnv), Optional.ofNullable(baseDn),
                    Optional.ofNullable(out), Optional.ofNullable(thresholds), Optional.ofNullable(ruleset),
                    Optional.ofNullable(timeout), Optional.ofNullable(exportLevel), Optional.ofNullable(noHost),
                    Optional.ofNullable(backupLocations), Optional.ofNullable(backupSoftware),
                    Optional.ofNullable(hostTimeout));
        }
    }
}
