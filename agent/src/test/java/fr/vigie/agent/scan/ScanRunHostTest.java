package fr.vigie.agent.scan;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.agent.collect.host.HostCollector;
import fr.vigie.agent.collect.host.HostScanConfig;
import fr.vigie.agent.report.HtmlReport;
import fr.vigie.agent.report.ReportDocument;
import fr.vigie.agent.report.ReportDocument.RuleEntry;
import fr.vigie.checks.Audit;
import fr.vigie.snapshot.host.HostSnapshotJson;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scan with the agent's host: host snapshot written, host rules evaluated, backup section, --no-host. */
class ScanRunHostTest {
    /** The nine host rules of the built-in catalogue. */
    static final List<String> HOST_RULES = List.of("backup-repo-mounted-rw", "backup-share-open-write",
            "backup-service-domain-admin", "backup-nfs-export-open", "backup-files-world-writable", "backup-stale",
            "backup-files-world-readable", "backup-host-domain-joined", "backup-no-immutable-copy");

    @TempDir
    Path tmp;

    private final StringWriter console = new StringWriter();

    private ScanRun run() throws Exception {
        Audit audit = AuditSetup.load(Optional.empty(), Optional.empty()); // the built-in catalogue, host rules included
        return new ScanRun(audit, Clock.fixed(AgentSnapshots.AS_OF.plusSeconds(60), ZoneOffset.UTC), "t",
                new HtmlReport(), new PrintWriter(console));
    }

    private static SnapshotSource domain() {
        return now -> AgentSnapshots.domain().unconstrainedServer("SRV1").build();
    }

    private static RuleEntry rule(ReportDocument r, String id) {
        return r.rule(id).orElseThrow(() -> new AssertionError("no rule " + id));
    }

    @Test
    void anInjectedHostIsWrittenBesideTheSnapshotAndAudited() throws Exception {
        ScanOutcome outcome = run().scan(domain(), Optional.of(HostSnapshots::backupServer), tmp.resolve("out"));

        Path hostFile = outcome.directory().resolve(ScanRun.HOST_SNAPSHOT_FILE);
        assertThat(outcome.hostSnapshot()).contains(hostFile);
        assertThat(HostSnapshotJson.read(hostFile)).isEqualTo(HostSnapshots.backupServer());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(hostFile))).isEqualTo("rw-------");
        ReportDocument r = outcome.report();
        RuleEntry writable = rule(r, "backup-files-world-writable");
        assertThat(writable.status()).isEqualTo("FAIL");
        assertThat(writable.evidence()).anySatisfy(e -> {
            assertThat(e.object()).isEqualTo(HostSnapshots.WRITABLE_FILE);
            assertThat(e.attributes()).containsEntry("permissions", "0666");
        });
        assertThat(rule(r, "backup-stale").status()).isEqualTo("FAIL");
        assertThat(rule(r, "backup-share-open-write").evidence()).anySatisfy(e ->
                assertThat(e.name()).isEqualTo(HostSnapshots.SHARE));
        assertThat(rule(r, "backup-repo-mounted-rw").evidence()).anySatisfy(e ->
                assertThat(e.object()).isEqualTo("/mnt/backup"));

        ReportDocument.BackupSection b = r.backup().orElseThrow();
        assertThat(b.hostInspected()).isTrue();
        assertThat(b.maturityLevel()).isEqualTo(1).isEqualTo(r.score().backupMaturityLevel());
        assertThat(b.toReachNextLevel()).contains("backup-share-open-write", "backup-repo-mounted-rw")
                .doesNotContain("backup-stale"); // level 2: not what holds the backups at level 1
        assertThat(b.notEvaluated()).doesNotContainAnyElementsOf(HOST_RULES);
        assertThat(b.host().orElseThrow().hostName()).isEqualTo(HostSnapshots.HOST);
        assertThat(b.host().get().os()).contains("Debian");
        assertThat(b.notes()).extracting(ReportDocument.HostNote::text).contains(HostSnapshots.NOTE);
        assertThat(b.offlineCopyCaveat()).contains("cannot prove the absence of an offline copy");
        assertThat(Files.readString(outcome.json())).contains("\"backup\"").contains("\"hostInspected\" : true");
        assertThat(console.toString()).contains("Backup level:   1 of 5").contains("Host snapshot");
    }

    @Test
    void withoutTheHostTheHostRulesAreNotEvaluatedAndTheAdLevelIsUnchanged() throws Exception {
        ScanOutcome withHost = run().scan(domain(), Optional.of(HostSnapshots::backupServer), tmp.resolve("a"));
        ScanOutcome noHost = run().scan(domain(), Optional.empty(), tmp.resolve("b"));

        ReportDocument r = noHost.report();
        for (String id : HOST_RULES) {
            assertThat(rule(r, id).status()).as(id).isEqualTo("NOT_EVALUATED");
            assertThat(rule(r, id).missingData()).as(id).contains("HOST");
        }
        assertThat(r.score().backupComplete()).isFalse();
        assertThat(r.backup().orElseThrow().complete()).isFalse();
        assertThat(r.backup().get().hostInspected()).isFalse();
        assertThat(r.backup().get().host()).isEmpty();
        assertThat(r.backup().get().notEvaluated()).containsAll(HOST_RULES);
        assertThat(noHost.hostSnapshot()).isEmpty();
        assertThat(noHost.directory().resolve(ScanRun.HOST_SNAPSHOT_FILE)).doesNotExist();
        // the AD side does not depend on the host
        assertThat(r.score().maturityLevel()).isEqualTo(withHost.report().score().maturityLevel());
        assertThat(r.score().globalScore()).isEqualTo(withHost.report().score().globalScore());
        assertThat(r.score().complete()).isEqualTo(withHost.report().score().complete()).isTrue();
        assertThat(noHost.complete()).isTrue();
        assertThat(console.toString()).contains("Backup level:   <= " + r.score().backupMaturityLevel()
                + " (provisional: this host was not inspected)");
        String html = Files.readString(noHost.html());
        assertThat(html).contains("id=\"backups\"")
                .contains("Backup level ≤ " + r.score().backupMaturityLevel() + " / provisional")
                .contains("(this host was not inspected)").doesNotContain("Backup level " + r.score().backupMaturityLevel()
                        + " of 5")
                .contains("cannot prove the absence of an offline copy");
    }

    @Test
    void aHostInspectionThatThrowsIsRecordedAndTheDirectoryAuditGoesOn() throws Exception {
        ScanOutcome outcome = run().scan(domain(), Optional.of(() -> {
            throw new IllegalStateException("OSHI exploded");
        }), tmp.resolve("out"));

        ReportDocument r = outcome.report();
        assertThat(rule(r, "delegation-unconstrained").status()).isEqualTo("FAIL");
        for (String id : HOST_RULES) {
            assertThat(rule(r, id).status()).as(id).isEqualTo("NOT_EVALUATED");
        }
        assertThat(r.score().backupComplete()).isFalse();
        assertThat(r.backup().orElseThrow().hostInspected()).isTrue();
        assertThat(r.backup().get().notes()).isNotEmpty()
                .allSatisfy(n -> assertThat(n.text()).contains("OSHI exploded"));
        assertThat(outcome.hostSnapshot()).isPresent();
        assertThat(HostSnapshotJson.read(outcome.hostSnapshot().get()).isComplete()).isFalse();
    }

    @Test
    void aRealBackupLocationWithAWorldWritableStaleFileIsFound() throws Exception {
        Path location = Files.createDirectories(tmp.resolve("sauvegardes"));
        Path stale = Files.writeString(location.resolve("compta-full.bak"), "backup");
        Files.setPosixFilePermissions(stale, PosixFilePermissions.fromString("rw-rw-rw-"));
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(Duration.ofDays(9))));
        Path clean = Files.writeString(location.resolve("rh-full.bak"), "backup");
        Files.setPosixFilePermissions(clean, PosixFilePermissions.fromString("rw-------"));
        Files.setLastModifiedTime(clean, FileTime.from(Instant.now().minus(Duration.ofDays(8))));
        HostScanConfig config = HostScanConfig.defaults().withBackupLocations(List.of(location)).withProcesses(false);

        ScanOutcome outcome = run().scan(domain(), Optional.of(() -> new HostCollector().collect(config)),
                tmp.resolve("out"));

        ReportDocument r = outcome.report();
        RuleEntry writable = rule(r, "backup-files-world-writable");
        assertThat(writable.status()).isEqualTo("FAIL");
        assertThat(writable.evidence()).extracting(ReportDocument.EvidenceEntry::object)
                .contains(stale.toString()).doesNotContain(clean.toString());
        RuleEntry old = rule(r, "backup-stale");
        assertThat(old.status()).isEqualTo("FAIL");
        assertThat(old.evidence()).anySatisfy(e -> assertThat(e.object()).isEqualTo(location.toString()));
        assertThat(r.backup().orElseThrow().hostInspected()).isTrue();
        assertThat(r.backup().get().maturityLevel()).isLessThanOrEqualTo(2);
        // process collection was turned off: a rule that reads processes cannot conclude on this host
        assertThat(rule(r, "backup-service-domain-admin").status()).isNotEqualTo("PASS");
        assertThat(r.backup().get().notes()).anySatisfy(n -> assertThat(n.source()).isEqualTo("PROCESSES"));
        String html = Files.readString(outcome.html());
        assertThat(html).contains(stale.toString()).contains("What to fix first for backups");
    }
}
