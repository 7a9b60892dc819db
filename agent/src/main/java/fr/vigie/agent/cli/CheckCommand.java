package fr.vigie.agent.cli;

import fr.vigie.agent.config.ConfigException;
import fr.vigie.agent.config.ScanSettings;
import fr.vigie.agent.report.HtmlReport;
import fr.vigie.agent.scan.AgentVersion;
import fr.vigie.agent.scan.AuditSetup;
import fr.vigie.agent.scan.ScanOutcome;
import fr.vigie.agent.scan.ScanRun;
import fr.vigie.checks.Audit;
import fr.vigie.snapshot.DirectorySnapshot;
import fr.vigie.snapshot.SnapshotJson;
import fr.vigie.snapshot.host.HostSnapshot;
import fr.vigie.snapshot.host.HostSnapshotJson;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vigie check}: re-audit a saved snapshot offline, with another catalogue or thresholds if wanted. */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Audits a saved snapshot.json again, offline (e.g. with new thresholds or a newer catalogue), "
                + "and writes report.json and report.html to <out>/<domain>-<yyyyMMdd-HHmmss>/.",
            "With --host-snapshot, the host rules of the backup level are evaluated on the saved "
                    + "host-snapshot.json too; without it they are 'not evaluated'."})
final class CheckCommand implements Callable<Integer> {
    private final AgentEnvironment env;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<snapshot.json>", description = "Snapshot written by 'vigie scan'.")
    Path snapshot;

    @Option(names = "--host-snapshot", paramLabel = "<host-snapshot.json>",
            description = "Host snapshot written by 'vigie scan' beside snapshot.json: audits the backup side too.")
    Path hostSnapshot;

    @Option(names = "--out", paramLabel = "<dir>",
            description = "Root directory of the reports (default: " + ScanSettings.DEFAULT_OUT
                    + " in the current directory).")
    Path out = Path.of(ScanSettings.DEFAULT_OUT);

    @Option(names = "--thresholds", paramLabel = "<file>", description = "Site threshold overrides (YAML).")
    Path thresholds;

    @Option(names = "--ruleset", paramLabel = "<dir>",
            description = "Alternative rule catalogue directory (holding catalogue.yaml).")
    Path ruleset;

    CheckCommand(AgentEnvironment env) {
        this.env = Objects.requireNonNull(env, "env");
    }

    @Override
    public Integer call() throws Exception {
        Audit audit = AuditSetup.load(Optional.ofNullable(ruleset), Optional.ofNullable(thresholds));
        DirectorySnapshot snap = read(snapshot);
        Optional<HostSnapshot> host = hostSnapshot == null ? Optional.empty() : Optional.of(readHost(hostSnapshot));
        ScanRun run = new ScanRun(audit, env.clock(), AgentVersion.current(), new HtmlReport(),
                spec.commandLine().getOut());
        ScanOutcome outcome = run.report(snap, host, out);
        return (outcome.complete() ? ExitStatus.OK : ExitStatus.INCOMPLETE).code();
    }

    private static HostSnapshot readHost(Path file) throws ConfigException {
        try {
            return HostSnapshotJson.read(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException("--host-snapshot " + file + " does not exist", e);
        } catch (SnapshotJson.SnapshotFormatException e) {
            throw new ConfigException("--host-snapshot " + file + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ConfigException("cannot read host snapshot " + file + ": " + e.getMessage(), e);
        }
    }

    private static DirectorySnapshot read(Path file) throws ConfigException {
        try {
            return SnapshotJson.read(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException("snapshot " + file + " does not exist", e);
        } catch (SnapshotJson.SnapshotFormatException e) {
            throw new ConfigException("snapshot " + file + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ConfigException("cannot read snapshot " + file + ": " + e.getMessage(), e);
        }
    }
}
