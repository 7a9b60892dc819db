package fr.vigie.agent.cli;

import fr.vigie.agent.collect.ldap.LdapTarget;
import fr.vigie.agent.collect.ldap.TrustPolicy;
import fr.vigie.agent.config.ConfigException;
import fr.vigie.agent.config.ConfigFile;
import fr.vigie.agent.config.Durations;
import fr.vigie.agent.config.ScanOptions;
import fr.vigie.agent.config.ScanSettings;
import fr.vigie.agent.config.Secret;
import fr.vigie.agent.report.HtmlReport;
import fr.vigie.agent.scan.AgentVersion;
import fr.vigie.agent.scan.AuditSetup;
import fr.vigie.agent.scan.ConsoleProgress;
import fr.vigie.agent.scan.ScanOutcome;
import fr.vigie.agent.scan.ScanRun;
import fr.vigie.checks.Audit;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vigie scan}: collect a domain over LDAP, audit it, write the snapshot and the reports. */
@Command(name = "scan", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Reads an Active Directory domain over LDAP with a read-only audit account, audits it, and writes "
                    + "snapshot.json, report.json and report.html to <out>/<domain>-<yyyyMMdd-HHmmss>/.",
            "The password is read from --password-file, --password-env or an interactive prompt: never from the "
                    + "command line."
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
        ScanSettings settings = ScanSettings.resolve(fromFile.overriddenBy(commandLineOptions()));
        for (String warning : settings.warnings()) {
            err.println("WARNING: " + warning);
        }
        err.flush();
        Audit audit = AuditSetup.load(settings.ruleset(), settings.thresholds());
        try (Secret password = settings.password().read(env.environment(), env.prompter(),
                "password of " + settings.bindDn())) {
            LdapTarget target = settings.toTarget(password);
            try {
                err.println("Reading " + target.address() + " (" + target.transport() + ") as " + target.bindDn());
                err.flush();
                ScanRun run = new ScanRun(audit, env.clock(), AgentVersion.current(), new HtmlReport(), out);
                ScanOutcome outcome = run.scan(env.collectors().create(target,
                        new ConsoleProgress(err, env.nanoTime())), settings.out());
                return (outcome.complete() ? ExitStatus.OK : ExitStatus.INCOMPLETE).code();
            } finally {
                if (target.trust() instanceof TrustPolicy.TrustStore ts) {
                    ts.password().ifPresent(Secret::clear);
                }
            }
        }
    }

    private ScanOptions commandLineOptions() throws ConfigException {
        return ScanOptions.builder()
                .server(server).port(port).startTls(startTls).insecurePlainLdap(insecurePlainLdap)
                .trustStore(trustStore).trustStorePasswordFile(trustStorePasswordFile).pinSha256(pinSha256)
                .insecureTrustAnyCertificate(insecureTrustAnyCertificate).bindDn(bindDn)
                .passwordFile(passwordFile).passwordEnv(passwordEnv).baseDn(baseDn).out(out)
                .thresholds(thresholds).ruleset(ruleset)
                .timeout(timeout == null ? null : Durations.parse(timeout, "--timeout"))
                .build();
    }
}
