package fr.vigie.agent.cli;

import fr.vigie.agent.collect.ldap.CollectionException;
import fr.vigie.agent.collect.ldap.CollectionProgress;
import fr.vigie.agent.collect.ldap.LdapTarget;
import fr.vigie.agent.collect.ldap.TrustPolicy;
import fr.vigie.agent.config.ConfigException;
import fr.vigie.agent.config.ScanOptions;
import fr.vigie.agent.config.ScanSettings;
import fr.vigie.agent.config.Secret;
import fr.vigie.agent.report.HtmlReport;
import fr.vigie.agent.scan.AgentVersion;
import fr.vigie.agent.scan.AuditSetup;
import fr.vigie.agent.scan.HostSource;
import fr.vigie.agent.scan.OutputWriteException;
import fr.vigie.agent.scan.ScanOutcome;
import fr.vigie.agent.scan.ScanRun;
import fr.vigie.checks.Audit;
import java.io.PrintWriter;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One scan as {@code vigie scan} configures it: validated settings (defaults applied) and the loaded audit
 * (catalogue and site thresholds). {@code vigie scan} and the scheduled audits of {@code vigie run --scan-config}
 * both run it, so that a scheduled audit is exactly the scan the administrator can run by hand. Immutable; each
 * {@link #run} reads the password afresh and clears it afterwards.
 */
final class ConfiguredScan {
    private final AgentEnvironment env;
    private final ScanSettings settings;
    private final Audit audit;

    private ConfiguredScan(AgentEnvironment env, ScanSettings settings, Audit audit) {
        this.env = env;
        this.settings = settings;
        this.audit = audit;
    }

    /**
     * Validates the options and loads the catalogue and thresholds.
     *
     * @throws ConfigException naming the option or file at fault
     */
    static ConfiguredScan prepare(AgentEnvironment env, ScanOptions options) throws ConfigException {
        Objects.requireNonNull(env, "env");
        ScanSettings settings = ScanSettings.resolve(options);
        Audit audit = AuditSetup.load(settings.ruleset(), settings.thresholds());
        return new ConfiguredScan(env, settings, audit);
    }

    ScanSettings settings() {
        return settings;
    }

    /** Reads the password once and forgets it: an unreadable password file or unset variable fails now. */
    void checkPassword() throws ConfigException {
        try (Secret ignored = readPassword()) {
            // readable
        }
    }

    private Secret readPassword() throws ConfigException {
        return settings.password().read(env.environment(), env.prompter(), "password of " + settings.bindDn());
    }

    /**
     * Collects, audits and writes the local reports (with real names).
     *
     * @param console  where the summary goes
     * @param progress collection progress
     * @param announce told which DC is read, before connecting
     * @throws ConfigException      when the password or a trust-store password cannot be read
     * @throws CollectionException  when nothing could be collected
     * @throws OutputWriteException when the reports cannot be written
     */
    ScanOutcome run(PrintWriter console, CollectionProgress progress, Consumer<String> announce)
            throws ConfigException, CollectionException, OutputWriteException {
        try (Secret password = readPassword()) {
            LdapTarget target = settings.toTarget(password);
            try {
                announce.accept("Reading " + target.address() + " (" + target.transport() + ") as " + target.bindDn());
                ScanRun run = new ScanRun(audit, env.clock(), AgentVersion.current(), new HtmlReport(), console);
                Optional<HostSource> host = Optional.empty();
                if (settings.host().inspect()) {
                    var config = settings.host().toScanConfig();
                    host = Optional.of(() -> {
                        announce.accept("Inspecting this host (backup side)" + (config.backupLocations().isEmpty()
                                ? ", no backup location given (--backup-location)"
                                : ", backup locations: " + config.backupLocations().size()));
                        return env.hosts().collect(config);
                    });
                }
                return run.scan(env.collectors().create(target, progress), host, settings.out());
            } finally {
                if (target.trust() instanceof TrustPolicy.TrustStore ts) {
                    ts.password().ifPresent(Secret::clear);
                }
            }
        }
    }
}
