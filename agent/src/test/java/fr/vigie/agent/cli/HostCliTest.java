package fr.vigie.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.agent.demo.DemoBackupHost;
import fr.vigie.agent.report.ReportDocument;
import fr.vigie.agent.report.ReportJson;
import fr.vigie.agent.scan.AgentSnapshots;
import fr.vigie.agent.scan.HostSnapshots;
import fr.vigie.snapshot.SnapshotJson;
import fr.vigie.snapshot.host.HostSnapshot;
import fr.vigie.snapshot.host.HostSnapshotJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The host side of the commands: scan inspects the host (or not), its options and config keys, check. */
class HostCliTest {
    @TempDir
    Path tmp;

    private final CliHarness cli = new CliHarness();

    HostCliTest() {
        cli.environment.put("PW", "secret");
    }

    private String[] scanArgs(String... extra) {
        List<String> args = new ArrayList<>(List.of("scan", "--server", "dc1.ch-test.local", "--bind-dn",
                "audit@ch-test.local", "--password-env", "PW", "--out", tmp.resolve("out").toString()));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    private static Path onlyDirectory(Path root) throws IOException {
        try (Stream<Path> dirs = Files.list(root)) {
            List<Path> all = dirs.toList();
            assertThat(all).hasSize(1);
            return all.get(0);
        }
    }

    private static ReportDocument readReport(Path dir) throws IOException {
        try (InputStream in = Files.newInputStream(dir.resolve("report.json"))) {
            return ReportJson.read(in);
        }
    }

    @Test
    void scanInspectsTheHostByDefaultWithTheGivenBackupLocations() throws IOException {
        int code = cli.run(scanArgs("--backup-location", "/srv/a", "--backup-location", "/srv/b",
                "--backup-software", "sauvegarde-maison", "--host-timeout", "5s"));

        assertThat(code).as(cli.err()).isZero();
        assertThat(cli.hostConfig.get().backupLocations()).containsExactly(Path.of("/srv/a"), Path.of("/srv/b"));
        assertThat(cli.hostConfig.get().extraBackupSoftware()).containsExactly("sauvegarde-maison");
        assertThat(cli.hostConfig.get().locationTimeout()).isEqualTo(Duration.ofSeconds(5));
        Path dir = onlyDirectory(tmp.resolve("out"));
        assertThat(HostSnapshotJson.read(dir.resolve("host-snapshot.json"))).isEqualTo(HostSnapshots.backupServer());
        ReportDocument r = readReport(dir);
        assertThat(r.backup().orElseThrow().hostInspected()).isTrue();
        assertThat(r.rule("backup-files-world-writable").orElseThrow().status()).isEqualTo("FAIL");
        assertThat(cli.out()).contains("Backup level:").contains("Host snapshot");
        assertThat(cli.err()).contains("Inspecting this host").contains("backup locations: 2");
    }

    @Test
    void noHostSkipsTheInspectionAndTheHostRulesAreNotEvaluated() throws IOException {
        int code = cli.run(scanArgs("--no-host"));

        assertThat(code).as(cli.err()).isZero(); // the AD audit is complete: the backup level alone is provisional
        assertThat(cli.hostConfig.get()).isNull();
        Path dir = onlyDirectory(tmp.resolve("out"));
        assertThat(dir.resolve("host-snapshot.json")).doesNotExist();
        ReportDocument r = readReport(dir);
        assertThat(r.rule("backup-stale").orElseThrow().status()).isEqualTo("NOT_EVALUATED");
        assertThat(r.score().backupComplete()).isFalse();
        assertThat(cli.out()).contains("(provisional: this host was not inspected)");
    }

    @Test
    void theConfigFileKeysAreTheOptionNames() throws IOException {
        Path config = Files.writeString(tmp.resolve("vigie.yaml"), """
                backup-locations: [sauvegardes, /srv/nas]
                host-timeout: 2m
                """);
        assertThat(cli.run(scanArgs("--config", config.toString()))).as(cli.err()).isZero();
        assertThat(cli.hostConfig.get().backupLocations())
                .containsExactly(tmp.resolve("sauvegardes"), Path.of("/srv/nas")); // relative to the file
        assertThat(cli.hostConfig.get().locationTimeout()).isEqualTo(Duration.ofMinutes(2));

        CliHarness off = new CliHarness();
        off.environment.put("PW", "secret");
        Path noHost = Files.writeString(tmp.resolve("nohost.yaml"), "no-host: true\nbackup-locations: /srv/x\n");
        assertThat(off.run(scanArgs("--config", noHost.toString())))
                .as(off.err()).isZero();
        assertThat(off.hostConfig.get()).isNull();
        assertThat(off.err()).contains("WARNING: --no-host: the backup locations given (1) are not scanned");

        CliHarness bad = new CliHarness();
        Path wrong = Files.writeString(tmp.resolve("bad.yaml"), "no-host: yes please\n");
        assertThat(bad.run(scanArgs("--config", wrong.toString()))).isEqualTo(ExitStatus.USAGE.code());
        assertThat(bad.err()).contains("key 'no-host'").contains("expected true or false");
    }

    @Test
    void aFailingHostInspectionNeverStopsTheDirectoryAudit() throws IOException {
        cli.hostFailure = new IllegalStateException("no /proc here");

        assertThat(cli.run(scanArgs())).as(cli.err()).isZero();

        ReportDocument r = readReport(onlyDirectory(tmp.resolve("out")));
        assertThat(r.rule("delegation-unconstrained").orElseThrow().status()).isEqualTo("FAIL");
        assertThat(r.rule("backup-files-world-writable").orElseThrow().status()).isEqualTo("NOT_EVALUATED");
        assertThat(r.backup().orElseThrow().notes()).anySatisfy(n -> assertThat(n.text()).contains("no /proc here"));
    }

    @Test
    void checkAuditsASavedHostSnapshotToo() throws IOException {
        Path snapshot = tmp.resolve("snapshot.json");
        SnapshotJson.write(AgentSnapshots.domain().build(), snapshot);
        Path host = tmp.resolve("host-snapshot.json");
        HostSnapshotJson.write(HostSnapshots.backupServer(), host);

        assertThat(cli.run("check", snapshot.toString(), "--host-snapshot", host.toString(), "--out",
                tmp.resolve("with").toString())).as(cli.err()).isZero();
        ReportDocument with = readReport(onlyDirectory(tmp.resolve("with")));
        assertThat(with.rule("backup-files-world-writable").orElseThrow().status()).isEqualTo("FAIL");
        assertThat(with.backup().orElseThrow().host().orElseThrow().hostName()).isEqualTo(HostSnapshots.HOST);

        CliHarness without = new CliHarness();
        assertThat(without.run("check", snapshot.toString(), "--out", tmp.resolve("without").toString())).isZero();
        ReportDocument w = readReport(onlyDirectory(tmp.resolve("without")));
        assertThat(w.rule("backup-files-world-writable").orElseThrow().status()).isEqualTo("NOT_EVALUATED");
        assertThat(w.backup().orElseThrow().hostInspected()).isFalse();
        assertThat(w.score().maturityLevel()).isEqualTo(with.score().maturityLevel());
    }

    @Test
    void checkRefusesADirectorySnapshotGivenAsHostSnapshot() throws IOException {
        Path snapshot = tmp.resolve("snapshot.json");
        SnapshotJson.write(AgentSnapshots.domain().build(), snapshot);

        int code = cli.run("check", snapshot.toString(), "--host-snapshot", snapshot.toString(), "--out",
                tmp.resolve("out").toString());

        assertThat(code).isEqualTo(ExitStatus.USAGE.code());
        assertThat(cli.err()).contains("--host-snapshot").contains("not a Vigie host snapshot");
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    @Test
    void theDemoAuditsItsSampleBackupHostNotThisMachine() throws IOException {
        assertThat(cli.run("demo", "--out", tmp.resolve("demo").toString())).as(cli.err()).isZero();
        assertThat(cli.hostConfig.get()).as("this machine must not be inspected").isNull();
        Path dir = onlyDirectory(tmp.resolve("demo"));
        HostSnapshot host = HostSnapshotJson.read(dir.resolve("host-snapshot.json"));
        assertThat(host.hostName()).isEqualTo(DemoBackupHost.HOST_NAME);
        ReportDocument r = readReport(dir);
        assertThat(r.backup().orElseThrow().hostInspected()).isTrue();
        assertThat(r.backup().orElseThrow().host().orElseThrow().hostName()).contains("sample host of the demo");
        assertThat(r.rule("backup-nfs-export-open").orElseThrow().status()).isEqualTo("FAIL");
        assertThat(cli.err()).contains("sample host srv-veeam");
        assertThat(cli.out()).contains("Backup level:").contains("Host snapshot");
    }

    @Test
    void theDemoWithoutHostLeavesTheHostRulesNotEvaluated() throws IOException {
        assertThat(cli.run("demo", "--no-host", "--out", tmp.resolve("demo").toString())).as(cli.err()).isZero();
        Path dir = onlyDirectory(tmp.resolve("demo"));
        assertThat(dir.resolve("host-snapshot.json")).doesNotExist();
        ReportDocument r = readReport(dir);
        assertThat(r.backup().orElseThrow().hostInspected()).isFalse();
        assertThat(r.rule("backup-nfs-export-open").orElseThrow().status()).isEqualTo("NOT_EVALUATED");
    }
}
