package fr.vigie.agent.cli;

import fr.vigie.agent.config.ConfigException;
import fr.vigie.agent.config.ConfigFile;
import fr.vigie.agent.config.Durations;
import fr.vigie.agent.config.ScanOptions;
import fr.vigie.agent.config.ScanSettings;
import fr.vigie.agent.scan.ConsoleProgress;
import fr.vigie.agent.scan.ScanOutcome;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vigie scan}: collect a domain over LDAP, audit it, write the snapshot and the reports; with
 * {@code --upload}, also sign, spool and send the (minimised) JSON report to the collector.
 */
@Command(name = "scan", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Reads an Active Directory domain over LDAP with a read-only audit account, audits it, and writes "
                    + "snapshot.json, report.json and report.html to <out>/<domain>-<yyyyMMdd-HHmmss>/.",
            "It also inspects the host the agent runs on for the backup level (mounts, shares, exports, backup "
                    + "software, the --backup-location folders) and writes host-snapshot.json; --no-host turns "
                    + "that off. A host problem never stops the directory audit: the affected backup rules are "
                    + "'not evaluated'.",
            "The password is read from --password-file, --password-env or an interactive prompt: never from the "
                    + "command line.",
            "With --upload, the JSON report (minimised to --export-level) is then signed with the agent's key, "
                    + "spooled and sent to the collector: the exit code stays the scan's, except 2 when the agent is "
                    + "not enrolled and 7 when the report cannot be spooled."
        })
final class ScanCommand implements Callable<Integer> {
    private final AgentEnvironment env;

    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "<file>",
            description = "YAML file with the same settings (keys = option names without '--'); options given on "
                    + "the command line override it. Must not hold the password.")
    Path config;

    @Option(names = "--server", paramLabel = "<host>", description = "Domain controller to read.")
    String server;

    @Option(names = "--port", paramLabel = "<port>",
            description = "TCP port (default: 636 for LDAPS, 389 with --starttls or --insecure-plain-ldap).")
    Integer port;

    @Option(names = "--starttls", description = "Connect in clear on port 389 and upgrade with StartTLS before "
            + "binding (instead of LDAPS).")
    Boolean startTls;

    @Option(names = "--insecure-plain-ldap",
            description = "INSECURE: no encryption at all; the password crosses the network in clear text.")
    Boolean insecurePlainLdap;

    @Option(names = "--trust-store", paramLabel = "<file>",
            description = "PKCS12 or JKS trust store holding the CA that signed the DC's certificate (default: the "
                    + "JVM's trust store).")
    Path trustStore;

    @Option(names = "--trust-store-password-file", paramLabel = "<file>",
            description = "File holding the trust store's password, if it has one.")
    Path trustStorePasswordFile;

    @Option(names = "--pin-sha256", paramLabel = "<hex>",
            description = "Accept exactly the DC certificate with this SHA-256 fingerprint (colons optional).")
    String pinSha256;

    @Option(names = "--insecure-trust-any-certificate",
            description = "INSECURE: accept any certificate; the DC can be impersonated.")
    Boolean insecureTrustAnyCertificate;

    @Option(names = "--bind-dn", paramLabel = "<dn|upn>",
            description = "Read-only audit account, e.g. audit-vigie@ch-exemple.local.")
    String bindDn;

    @Option(names = "--password-file", paramLabel = "<file>",
            description = "File whose first line is the password (must not be readable by other users).")
    Path passwordFile;

    @Option(names = "--password-env", paramLabel = "<VAR>",
            description = "Name of the environment variable holding the password.")
    String passwordEnv;

    /** Accepted only to refuse it without echoing the value: a password must never be an argument. */
    @Option(names = {"--password", "--bind-password"}, hidden = true, arity = "0..1", paramLabel = "<ignored>")
    String passwordOnCommandLine;

    @Option(names = "--base-dn", paramLabel = "<dn>",
            description = "Domain to audit (default: the DC's default naming context).")
    String baseDn;

    @Option(names = "--out", paramLabel = "<dir>",
            description = "Root directory of the reports (default: " + ScanSettings.DEFAULT_OUT
                    + " in the current directory).")
    Path out;

    @Option(names = "--thresholds", paramLabel = "<file>", description = "Site threshold overrides (YAML).")
    Path thresholds;

    @Option(names = "--ruleset", paramLabel = "<dir>",
            description = "Alternative rule catalogue directory (holding catalogue.yaml).")
    Path ruleset;

    @Option(names = "--timeout", paramLabel = "<duration>",
            description = "Connect and per-operation timeout, e.g. 30s, 2m (default: 30s).")
    String timeout;

    @Option(names = "--export-level", paramLabel = "<level>",
            description = "What the uploaded copy of the report keeps: full, pseudonymized (default: names and DNs "
                    + "replaced by keyed pseudonyms) or counts (numbers of objects per rule only). The local reports "
                    + "always keep the real names.")
    String exportLevel;

    @Option(names = "--backup-location", paramLabel = "<path>",
            description = "A folder holding backups on this host (repeatable): scanned for the newest backup, its "
                    + "age, permissions and the immutable attribute.")
    java.util.List<Path> backupLocations;

    @Option(names = "--backup-software", paramLabel = "<name>",
            description = "A site-specific process, service or package name of backup software (repeatable), added "
                    + "to the built-in list.")
    java.util.List<String> backupSoftware;

    @Option(names = "--host-timeout", paramLabel = "<duration>",
            description = "Longest time the scan of one backup location may take (default: 60s); a location that "
                    + "takes longer is noted as partial.")
    String hostTimeout;

    @Option(names = "--no-host", description = "Do not inspect this host: the host rules of the backup level are "
            + "'not evaluated' and the backup level is provisional.")
    Boolean noHost;

    @Option(names = "--upload", description = "After writing the reports, sign the JSON report (at --export-level), "
            + "spool it in the agent's state directory and send it to the collector the agent is enrolled with; what "
            + "cannot be sent now stays spooled for 'vigie run' or the next upload.")
    boolean upload;

    @Mixin
    UploadOptions uploadOptions = new UploadOptions();

    @Option(names = "--upload-wait", paramLabel = "<duration>", defaultValue = "2m",
            description = "With --upload: how long to keep retrying a collector that does not answer before leaving "
                    + "the report in the spool; 0 for a single attempt (default: ${DEFAULT-VALUE}).")
    String uploadWait;

    ScanCommand(AgentEnvironment env) {
        this.env = Objects.requireNonNull(env, "env");
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (passwordOnCommandLine != null) {
            throw new ConfigException("a password is never accepted on the command line (other users can read it "
                    + "in the process list, and it stays in the shell history): use --password-file <file>, "
                    + "--password-env <VAR>, or let vigie prompt for it. Change that password if it was typed.");
        }
        ScanOptions fromFile = config == null ? ScanOptions.NONE : ConfigFile.read(config);
        ConfiguredScan scan = ConfiguredScan.prepare(env, fromFile.overriddenBy(commandLineOptions()));
        for (String warning : scan.settings().warnings()) {
            err.println("WARNING: " + warning);
        }
        err.flush();
        Duration wait = uploadWait.strip().matches("0+[a-z]*") ? Duration.ZERO // 0: one attempt, no retry
                : Durations.parse(uploadWait, "--upload-wait");
        Optional<ReportUpload> uploader = uploadOptions.open(upload, scan.settings().exportLevel(), "scan --upload");
        ScanOutcome outcome = scan.run(out, new ConsoleProgress(err, env.nanoTime()), line -> {
            err.println(line);
            err.flush();
        });
        return UploadOptions.exitCode(uploader, outcome, wait, out, err);
    }

    private ScanOptions commandLineOptions() throws ConfigException {
        return ScanOptions.builder()
                .server(server).port(port).startTls(startTls).insecurePlainLdap(insecurePlainLdap)
                .trustStore(trustStore).trustStorePasswordFile(trustStorePasswordFile).pinSha256(pinSha256)
                .insecureTrustAnyCertificate(insecureTrustAnyCertificate).bindDn(bindDn)
                .passwordFile(passwordFile).passwordEnv(passwordEnv).baseDn(baseDn).out(out)
                .thresholds(thresholds).ruleset(ruleset)
                .timeout(timeout == null ? null : Durations.parse(timeout, "--timeout"))
                .exportLevel(exportLevel == null ? null : ConfigFile.exportLevel(exportLevel, "--export-level"))
                .noHost(noHost).backupLocations(backupLocations).backupSoftware(backupSoftware)
                .hostTimeout(hostTimeout == null ? null : Durations.parse(hostTimeout, "--host-timeout"))
                .build();
    }
}
