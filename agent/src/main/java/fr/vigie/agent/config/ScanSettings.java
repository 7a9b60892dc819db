package fr.vigie.agent.config;

import fr.vigie.agent.collect.ldap.LdapTarget;
import fr.vigie.agent.collect.ldap.Transport;
import fr.vigie.agent.export.ExportLevel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The validated settings of one {@code vigie scan}, defaults applied. Holds no secret: the password is read, from its
 * {@link PasswordSource}, only when the target is built ({@link #toTarget}). Immutable.
 *
 * @param server     DC host
 * @param port       TCP port (default 636 with LDAPS, 389 with StartTLS or plain LDAP)
 * @param transport  LDAPS by default
 * @param trust      certificate trust (the JVM's trust store by default)
 * @param bindDn     audit account
 * @param password   where the bind password comes from
 * @param baseDn     domain to audit; empty = the DC's default naming context
 * @param out        root directory of the reports (default {@value #DEFAULT_OUT})
 * @param thresholds site overrides file
 * @param ruleset    alternative catalogue directory
 * @param timeout    connect and per-operation timeout (default 30 s)
 * @param exportLevel what an uploaded copy of the report keeps (default {@link ExportLevel#DEFAULT}); the local
 *                   reports always keep everything
 * @param host       whether and how the agent's own host is inspected (on by default)
 */
public record ScanSettings(
        String server,
        int port,
        Transport transport,
        TrustSetting trust,
        String bindDn,
        PasswordSource password,
        Optional<String> baseDn,
        Path out,
        Optional<Path> thresholds,
        Optional<Path> ruleset,
        Duration timeout,
        ExportLevel exportLevel,
        HostSettings host) {

    public static final String DEFAULT_OUT = "vigie-reports";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    /** Connection attempts before giving up. */
    public static final int MAX_ATTEMPTS = 3;
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    public ScanSettings {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(trust, "trust");
        Objects.requireNonNull(bindDn, "bindDn");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(exportLevel, "exportLevel");
        Objects.requireNonNull(host, "host");
    }

    /**
     * Validates the merged options and applies the defaults.
     *
     * @throws ConfigException naming the option (and configuration key) at fault
     */
    public static ScanSettings resolve(ScanOptions o) throws ConfigException {
        String server = o.server().filter(s -> !s.isBlank())
                .orElseThrow(() -> new ConfigException("no domain controller given: use --server <host> "
                        + "(or 'server' in the config file)"));
        String bindDn = o.bindDn().filter(s -> !s.isBlank())
                .orElseThrow(() -> new ConfigException("no audit account given: use --bind-dn <dn or upn> "
                        + "(or 'bind-dn' in the config file), e.g. --bind-dn audit-vigie@ch-exemple.local"));

        boolean startTls = o.startTls().orElse(false);
        boolean plain = o.insecurePlainLdap().orElse(false);
        if (startTls && plain) {
            throw new ConfigException("--starttls and --insecure-plain-ldap exclude each other: choose one");
        }
        Transport transport = plain ? Transport.PLAIN_INSECURE : startTls ? Transport.STARTTLS : Transport.LDAPS;

        int port = o.port().orElse(transport == Transport.LDAPS ? 636 : 389);
        if (port < 1 || port > 65535) {
            throw new ConfigException("--port / port: " + port + " is not a TCP port (1-65535)");
        }

        TrustSetting trust = trust(o, transport);

        if (o.passwordFile().isPresent() && o.passwordEnv().isPresent()) {
            throw new ConfigException("--password-file and --password-env exclude each other: choose one");
        }
        PasswordSource password;
        if (o.passwordFile().isPresent()) {
            password = new PasswordSource.FromFile(o.passwordFile().get());
        } else if (o.passwordEnv().isPresent()) {
            String variable = o.passwordEnv().get();
            if (!variable.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new ConfigException("--password-env / password-env: '" + variable + "' is not an environment "
                        + "variable name (give the variable's name, not the password)");
            }
            password = new PasswordSource.FromEnvironment(variable);
        } else {
            password = new PasswordSource.Prompt();
        }
        Duration timeout = o.timeout().orElse(DEFAULT_TIMEOUT);
        return new ScanSettings(server, port, transport, trust, bindDn, password,
                o.baseDn().filter(s -> !s.isBlank()), o.out().orElse(Path.of(DEFAULT_OUT)), o.thresholds(),
                o.ruleset(), timeout, o.exportLevel().orElse(ExportLevel.DEFAULT), host(o));
    }

    private static HostSettings host(ScanOptions o) throws ConfigException {
        List<Path> locations = o.backupLocations().orElse(List.of());
        for (Path p : locations) {
            if (p.toString().isBlank()) {
                throw new ConfigException("--backup-location / backup-locations: an empty path");
            }
        }
        return new HostSettings(!o.noHost().orElse(false), locations, o.backupSoftware().orElse(List.of()),
                o.hostTimeout().orElse(HostSettings.DEFAULT_LOCATION_TIMEOUT));
    }

    private static TrustSetting trust(ScanOptions o, Transport transport) throws ConfigException {
        List<String> chosen = new ArrayList<>();
        o.trustStore().ifPresent(x -> chosen.add("--trust-store"));
        o.pinSha256().ifPresent(x -> chosen.add("--pin-sha256"));
        if (o.insecureTrustAnyCertificate().orElse(false)) {
            chosen.add("--insecure-trust-any-certificate");
        }
        if (chosen.size() > 1) {
            throw new ConfigException(String.join(" and ", chosen) + " exclude each other: choose one way to trust "
                    + "the DC's certificate");
        }
        if (o.trustStorePasswordFile().isPresent() && o.trustStore().isEmpty()) {
            throw new ConfigException("--trust-store-password-file needs --trust-store <file>");
        }
        if (transport == Transport.PLAIN_INSECURE && !chosen.isEmpty()) {
            throw new ConfigException(chosen.get(0) + " has no meaning with --insecure-plain-ldap (no TLS at all): "
                    + "use LDAPS (the default) or --starttls");
        }
        if (o.trustStore().isPresent()) {
            return new TrustSetting.TrustStoreFile(o.trustStore().get(), o.trustStorePasswordFile());
        }
        if (o.pinSha256().isPresent()) {
            return new TrustSetting.Pinned(normalizePin(o.pinSha256().get()));
        }
        if (o.insecureTrustAnyCertificate().orElse(false)) {
            return new TrustSetting.AnyCertificateInsecure();
        }
        return new TrustSetting.SystemDefault();
    }

    /**
     * A SHA-256 fingerprint as 64 lower-case hex digits: colons, spaces and a "sha256:" prefix are removed.
     *
     * @throws ConfigException when it is not 32 bytes of hex
     */
    public static String normalizePin(String pin) throws ConfigException {
        String hex = pin.strip().toLowerCase(Locale.ROOT);
        if (hex.startsWith("sha256:")) {
            hex = hex.substring("sha256:".length());
        }
        hex = hex.replace(":", "").replace(" ", "");
        if (!SHA256_HEX.matcher(hex).matches()) {
            throw new ConfigException("--pin-sha256 / pin-sha256: expected the certificate's SHA-256 fingerprint "
                    + "(64 hex digits, colons allowed), got '" + pin + "'");
        }
        return hex;
    }

    /** Warnings the user must see before connecting (insecure transport or trust). */
    public List<String> warnings() {
        List<String> w = new ArrayList<>();
        if (transport == Transport.PLAIN_INSECURE) {
            w.add("--insecure-plain-ldap: the connection is NOT encrypted: the audit account's password and the "
                    + "directory data cross the network in clear text. Use LDAPS (the default) or --starttls.");
        }
        if (trust instanceof TrustSetting.AnyCertificateInsecure) {
            w.add("--insecure-trust-any-certificate: the DC's certificate is NOT verified: anyone on the network "
                    + "path can impersonate the DC and capture the audit account's password. Use --trust-store or "
                    + "--pin-sha256 instead.");
        }
        if (!host.inspect() && !host.backupLocations().isEmpty()) {
            w.add("--no-host: the backup locations given (" + host.backupLocations().size() + ") are not scanned: "
                    + "the host rules of the backup level are \"not evaluated\".");
        }
        return List.copyOf(w);
    }

    /**
     * The collector's target, with the secrets read now.
     *
     * @param bindPassword the bind password, read by the caller from {@link #password()}; owned by the target
     * @throws ConfigException when the trust-store password cannot be read
     */
    public LdapTarget toTarget(Secret bindPassword) throws ConfigException {
        return new LdapTarget(server, port, transport, trust.toPolicy(), bindDn, bindPassword, baseDn, timeout, timeout,
                MAX_ATTEMPTS);
    }
}
