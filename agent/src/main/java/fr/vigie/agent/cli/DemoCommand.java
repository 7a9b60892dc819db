package fr.vigie.agent.cli;

import fr.vigie.agent.demo.DemoBackupHost;
import fr.vigie.agent.report.HtmlReport;
import fr.vigie.agent.scan.AgentVersion;
import fr.vigie.agent.scan.AuditSetup;
import fr.vigie.agent.scan.ConsoleProgress;
import fr.vigie.agent.scan.HostSource;
import fr.vigie.agent.scan.ScanOutcome;
import fr.vigie.agent.scan.ScanRun;
import fr.vigie.checks.Audit;
import fr.vigie.agent.config.ConfigFile;
import java.io.PrintWriter;
import java.time.Duration;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vigie demo}: audit the embedded sample hospital domain and its sample backup host ({@link DemoBackupHost}),
 * without any real directory and without inspecting the machine it runs on.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Starts an embedded sample hospital domain (CH Exemple) on 127.0.0.1, scans it over LDAPS like "
                + "a real one, audits it with the sample hospital's backup host (srv-veeam, a fictional Linux Veeam "
                + "repository given as data), writes the reports and stops the domain. Shows what Vigie finds "
                + "without touching a real directory. This machine is never inspected: the Backups section shows "
                + "the sample host's findings (host-snapshot.json holds its sample data).")
final class DemoCommand implements Callable<Integer> {
    static final String DEFAULT_OUT = "vigie-demo";

    private final AgentEnvironment env;

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "<dir>",
            description = "Root directory of the reports (default: " + DEFAULT_OUT + " in the current directory).")
    Path out = Path.of(DEFAULT_OUT);

    @Option(names = "--no-host", description = "Audit the demo directory alone, without the sample backup host: "
            + "the host backup rules are then 'not evaluated' and the backup level provisional.")
    boolean noHost;

    @Option(names = "--upload", description = "Also sign the JSON report (at --export-level), spool it and send it to "
            + "the collector this agent is enrolled with (see 'vigie enroll'), as 'vigie scan --upload' does.")
    boolean upload;

    @Mixin
    UploadOptions uploadOptions = new UploadOptions();

    @Option(names = "--export-level", paramLabel = "<level>", defaultValue = "pseudonymized",
            description = "What the uploaded copy keeps: full, pseudonymized or counts (default: ${DEFAULT-VALUE}).")
    String exportLevel;

    DemoCommand(AgentEnvironment env) {
        this.env = Objects.requireNonNull(env, "env");
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Audit audit = AuditSetup.load(Optional.empty(), Optional.empty());
        Optional<ReportUpload> uploader = uploadOptions.open(upload,
                ConfigFile.exportLevel(exportLevel, "--export-level"), "demo --upload");
        err.println("Starting the demo domain on 127.0.0.1...");
        err.flush();
        try (AgentEnvironment.DemoServer demo = env.demo().start()) {
            ScanRun run = new ScanRun(audit, env.clock(), AgentVersion.current(), new HtmlReport(), stdout);
            // the local machine is not part of the fictitious hospital: its backup host is sample data
            Optional<HostSource> host = noHost ? Optional.empty()
                    : Optional.of(() -> DemoBackupHost.snapshot(env.clock().instant()));
            if (host.isPresent()) {
                err.println("Backup host: the demo's sample host srv-veeam (sample data; this machine is not "
                        + "inspected)");
                err.flush();
            }
            ScanOutcome outcome = run.scan(env.collectors().create(demo.target(),
                    new ConsoleProgress(err, env.nanoTime())), host, out);
            stdout.println();
            stdout.println("Open the HTML report in a browser: " + outcome.html().toAbsolutePath().toUri());
            stdout.flush();
            return UploadOptions.exitCode(uploader, outcome, Duration.ofSeconds(30), stdout, err);
        }
    }
}
