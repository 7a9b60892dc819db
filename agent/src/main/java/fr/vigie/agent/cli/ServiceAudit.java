package fr.vigie.agent.cli;

import fr.vigie.agent.collect.ldap.CollectionProgress;
import fr.vigie.agent.config.ConfigException;
import fr.vigie.agent.config.ConfigFile;
import fr.vigie.agent.config.PasswordSource;
import fr.vigie.agent.delivery.ServiceScheduler;
import fr.vigie.agent.scan.ScanOutcome;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduled audit of {@code vigie run --scan-config <file>}: the same scan as {@code vigie scan --config <file>}
 * (same YAML, same local reports with real names under its {@code out}), whose report is returned minimised to the
 * file's {@code export-level} for the scheduler to sign, spool and send. The password must come from
 * {@code password-file} or {@code password-env}: a service has no terminal to prompt on. Everything that can be
 * checked is checked by {@link #prepare} (settings, catalogue, thresholds, password readable, agent enrolled, key),
 * so that a mistake stops the service at start rather than at the first 2 a.m. audit. Immutable; thread-safe
 * (the scheduler runs one audit at a time).
 */
final class ServiceAudit implements ServiceScheduler.AuditRunner {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceAudit.class);

    private final ConfiguredScan scan;
    private final ReportUpload upload;
    private final PrintWriter console;

    private ServiceAudit(ConfiguredScan scan, ReportUpload upload, PrintWriter console) {
        this.scan = scan;
        this.upload = upload;
        this.console = console;
    }

    /**
     * Reads and checks the scan configuration.
     *
     * @param console where each audit's summary is printed (the service's standard output)
     * @throws ConfigException naming the file and what is wrong
     */
    static ServiceAudit prepare(AgentEnvironment env, Path scanConfig, Path stateDir, PrintWriter console)
            throws ConfigException {
        AgentEnvironment service = new AgentEnvironment(env.clock(), env.environment(), message -> {
            throw new IOException("vigie run has no terminal to prompt for the password");
        }, env.collectors(), env.demo(), env.bench(), env.nanoTime(), env.hosts());
        ConfiguredScan scan = ConfiguredScan.prepare(service, ConfigFile.read(scanConfig));
        if (scan.settings().password() instanceof PasswordSource.Prompt) {
            throw new ConfigException("--scan-config " + scanConfig + ": no password source: a service cannot prompt "
                    + "for the password. Add 'password-file: <file>' (a file readable only by the agent's account) "
                    + "or 'password-env: <VAR>' to this file.");
        }
        scan.checkPassword();
        for (String warning : scan.settings().warnings()) {
            LOG.warn(warning);
        }
        ReportUpload upload = ReportUpload.open(stateDir, scan.settings().exportLevel(), "run");
        return new ServiceAudit(scan, upload, console);
    }

    /** What the audits read and upload, for the start-up message. */
    String describe() {
        return scan.settings().server() + ":" + scan.settings().port() + " as " + scan.settings().bindDn()
                + ", export level " + upload.level() + ", local reports in " + scan.settings().out();
    }

    @Override
    public byte[] runAudit() throws Exception {
        ScanOutcome outcome = scan.run(console, CollectionProgress.NONE, LOG::info);
        console.flush();
        LOG.info("audit done: maturity level {}{}, reports in {}", outcome.report().score().maturityLevel(),
                outcome.complete() ? "" : " (provisional: incomplete collection)", outcome.directory());
        return upload.payload(outcome.report());
    }
}
