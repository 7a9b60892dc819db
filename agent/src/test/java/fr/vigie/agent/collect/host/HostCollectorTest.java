package fr.vigie.agent.collect.host;

import static fr.vigie.agent.collect.host.BackupLocationScannerTest.file;
import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.checks.Audit;
import fr.vigie.checks.AuditResult;
import fr.vigie.checks.RuleResult;
import fr.vigie.ruleset.CatalogueLoader;
import fr.vigie.ruleset.score.RuleStatus;
import fr.vigie.snapshot.StepStatus;
import fr.vigie.snapshot.host.HostDataSource;
import fr.vigie.snapshot.host.HostSnapshot;
import fr.vigie.snapshot.host.HostSnapshotJson;
import fr.vigie.snapshot.host.LocationStatus;
import fr.vigie.snapshot.host.MembershipSource;
import fr.vigie.snapshot.host.OsFamily;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole collector on this machine, with system files written by the test and real backup trees. */
class HostCollectorTest {
    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    @TempDir
    Path tmp;

    private HostScanConfig config(Path exports, Path smbConf, Path sssd, Path keytab, Path dpkg, List<Path> locations) {
        return HostScanConfig.defaults()
                .withSystemFiles(Path.of("/proc/self/mountinfo"), exports, tmp.resolve("exports.d"), smbConf, sssd,
                        keytab, dpkg)
                .withCommands(Optional.of("testparm"), Optional.empty(), Optional.of("lsattr"))
                .withBackupLocations(locations)
                .withTimeouts(Duration.ofSeconds(20), Duration.ofSeconds(2), Duration.ofSeconds(30));
    }

    private static HostSnapshot collect(HostScanConfig config) {
        return new HostCollector(Clock.fixed(NOW, ZoneOffset.UTC), Optional.empty()).collect(config);
    }

    private static RuleResult rule(AuditResult r, String id) {
        return r.results().stream().filter(x -> x.rule().id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void collectsThisLinuxHostAndThePlantedProblemsAreFoundWithTheirEvidence() throws Exception {
        Path exports = tmp.resolve("exports");
        Files.writeString(exports, String.join("\n",
                "/srv/backup    *(rw,sync,no_root_squash)",
                "/srv/backup    bkp01.ch-test.local(rw,sync)",
                "/srv/backup2   10.20.0.0/16(rw)",
                "/srv/backup3   this is (broken",
                "/home          192.168.1.0/24(rw)", ""));
        Files.createDirectories(tmp.resolve("exports.d"));
        Files.writeString(tmp.resolve("exports.d/veeam.exports"), "/srv/veeam 10.0.0.5(rw) nas*(rw,insecure)\n");
        Path sssd = tmp.resolve("sssd.conf");
        Files.writeString(sssd, "[sssd]\ndomains = ch-test.local\n[domain/ch-test.local]\nid_provider = ad\n");
        Path dpkg = tmp.resolve("status");
        Files.writeString(dpkg, "Package: borgbackup\nStatus: install ok installed\n\nPackage: vim\n"
                + "Status: install ok installed\n\nPackage: restic\nStatus: deinstall ok config-files\n");
        Path daily = tmp.resolve("daily");
        file(daily.resolve("job/a.vbk"), "rw-rw-rw-", NOW.minus(Duration.ofDays(5)));
        file(daily.resolve("job/b.vib"), "rw-r--r--", NOW.minus(Duration.ofHours(72)));
        Path fresh = tmp.resolve("fresh");
        file(fresh.resolve("c.bak"), "rw-------", NOW.minus(Duration.ofHours(3)));

        HostSnapshot host = collect(config(exports, tmp.resolve("no-smb.conf"), sssd, tmp.resolve("no-keytab"), dpkg,
                List.of(daily, fresh, tmp.resolve("missing"))));

        assertThat(host.collectedAt()).isEqualTo(NOW);
        assertThat(host.os().family()).isEqualTo(OsFamily.LINUX);
        assertThat(host.hostName()).isNotBlank();
        assertThat(host.mounts()).anySatisfy(m -> assertThat(m.mountPoint()).isEqualTo("/"));
        assertThat(host.processes()).anySatisfy(p -> assertThat(p.pid()).isEqualTo((int) ProcessHandle.current().pid()));
        assertThat(host.step(HostDataSource.OS).orElseThrow().isComplete()).isTrue();
        assertThat(host.step(HostDataSource.MOUNTS).orElseThrow().isComplete()).isTrue();
        assertThat(host.step(HostDataSource.PROCESSES).orElseThrow().isComplete()).isTrue();

        // NFS: the malformed line is a clear note and makes the step partial; the good lines are kept
        var nfs = host.step(HostDataSource.NFS_EXPORTS).orElseThrow();
        assertThat(nfs.status()).isEqualTo(StepStatus.FAILED);
        assertThat(nfs.notes()).contains(exports + ":4: unbalanced parenthesis in '(broken'");
        assertThat(host.nfsExports()).extracting(e -> e.path())
                .containsExactly("/srv/backup", "/srv/backup", "/srv/backup2", "/home", "/srv/veeam");

        // domain membership from sssd.conf, backup software from the package list
        assertThat(host.domain().joined()).isTrue();
        assertThat(host.domain().domainName()).hasValue("ch-test.local");
        assertThat(host.domain().evidence()).extracting(e -> e.source()).containsExactly(MembershipSource.SSSD);
        assertThat(host.backupSoftware()).extracting(b -> b.product() + "/" + b.name()).contains("Borg/borgbackup")
                .doesNotContain("restic/restic");
        assertThat(host.step(HostDataSource.SAMBA_SHARES).orElseThrow().notes())
                .containsExactly(tmp.resolve("no-smb.conf") + " not found: no Samba server configured");

        // locations: one missing (noted, step partial), two scanned with real permissions and times
        var locations = host.step(HostDataSource.BACKUP_LOCATIONS).orElseThrow();
        assertThat(locations.status()).isEqualTo(StepStatus.FAILED);
        assertThat(locations.notes()).contains(tmp.resolve("missing") + ": does not exist");
        assertThat(host.backupLocations()).extracting(l -> l.status())
                .containsExactly(LocationStatus.SCANNED, LocationStatus.SCANNED, LocationStatus.MISSING);

        // the snapshot survives JSON and the audit finds each planted problem
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        HostSnapshotJson.write(host, json);
        HostSnapshot back = HostSnapshotJson.read(new ByteArrayInputStream(json.toByteArray()));
        assertThat(back).isEqualTo(host);
        AuditResult r = new Audit(CatalogueLoader.builtIn()).run(WindowsRecordsTestSupport.emptyDomain(),
                Optional.of(back));

        RuleResult open = rule(r, "backup-nfs-export-open");
        assertThat(open.status()).isEqualTo(RuleStatus.FAIL);
        assertThat(open.missingHostData()).containsExactly("NFS_EXPORTS");
        assertThat(open.evidence()).extracting(e -> e.object() + " " + e.name()).containsExactly(
                "/srv/backup *", "/srv/backup2 10.20.0.0/16", "/srv/veeam nas*");
        assertThat(open.evidence().get(0).attributes()).containsEntry("problems", "rw to everyone (*); no_root_squash")
                .containsEntry("file", exports + ":1");

        RuleResult writable = rule(r, "backup-files-world-writable");
        assertThat(writable.status()).isEqualTo(RuleStatus.FAIL);
        assertThat(writable.evidence()).extracting(e -> e.object())
                .containsExactly(daily.toRealPath().resolve("job/a.vbk").toString());
        assertThat(writable.evidence().get(0).attributes()).containsEntry("permissions", "0666");

        RuleResult readable = rule(r, "backup-files-world-readable");
        assertThat(readable.evidence()).extracting(e -> e.object()).containsExactly(
                daily.toRealPath().resolve("job/a.vbk").toString(), daily.toRealPath().resolve("job/b.vib").toString());

        RuleResult stale = rule(r, "backup-stale");
        assertThat(stale.status()).isEqualTo(RuleStatus.FAIL);
        assertThat(stale.evidence()).extracting(e -> e.object()).containsExactly(daily.toString());
        assertThat(stale.evidence().get(0).attributes()).containsEntry("age (hours)", "72");

        RuleResult joined = rule(r, "backup-host-domain-joined");
        assertThat(joined.status()).isEqualTo(RuleStatus.FAIL);
        assertThat(joined.evidence().get(0).attributes().get("backup role")).contains("runs Borg");

        // a missing location makes the scan incomplete: no conclusion on the absence of immutable copies
        assertThat(rule(r, "backup-no-immutable-copy").status()).isEqualTo(RuleStatus.NOT_EVALUATED);
        // On the host side the worst problem is of backup level 2 (the empty directory snapshot adds its own
        // level-1 directory-side backup findings, e.g. naming contexts never backed up).
        java.util.Set<String> hostRules = fr.vigie.checks.CheckRegistry.hostByRuleId(
                fr.vigie.checks.CheckRegistry.hostChecks()).keySet();
        assertThat(r.failing().stream().filter(x -> hostRules.contains(x.rule().id()))
                .mapToInt(x -> x.rule().level()).min()).hasValue(2);
        assertThat(r.score().backupMaturityLevel()).isLessThanOrEqualTo(2);
    }

    @Test
    void anExportsFileThatBlocksIsAbandonedWithANoteAndTheRuleIsNotEvaluated() throws Exception {
        Path fifo = tmp.resolve("exports");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        long start = System.nanoTime();
        HostSnapshot host = collect(config(fifo, tmp.resolve("none"), tmp.resolve("none"), tmp.resolve("none"),
                tmp.resolve("none"), List.of()).withProcesses(false));
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        try (RandomAccessFile release = new RandomAccessFile(fifo.toFile(), "rw")) {
            release.write('\n');
        }
        var nfs = host.step(HostDataSource.NFS_EXPORTS).orElseThrow();
        assertThat(nfs.status()).isEqualTo(StepStatus.FAILED);
        assertThat(nfs.notes()).anySatisfy(n -> assertThat(n).startsWith(fifo + ": no answer within 2 s"));
        assertThat(elapsedMs).isLessThan(20_000);
        AuditResult r = new Audit(CatalogueLoader.builtIn()).run(WindowsRecordsTestSupport.emptyDomain(),
                Optional.of(host));
        assertThat(rule(r, "backup-nfs-export-open").status()).isEqualTo(RuleStatus.NOT_EVALUATED);
        assertThat(rule(r, "backup-stale").missingHostData()).containsExactly("BACKUP_LOCATIONS");
    }

    @Test
    void oshiReadsThisMachinesOwnFileStoresAndFindsTheRoot() {
        var stores = TimeBox.run("stores", Duration.ofSeconds(60), () -> new OshiHostSource().fileStores());
        assertThat(stores.ok()).as(String.valueOf(stores.failure())).isTrue();
        assertThat(stores.value().get()).anySatisfy(m -> {
            assertThat(m.mountPoint()).isEqualTo("/");
            assertThat(m.origin()).isEqualTo("oshi");
        });
    }

    @Test
    void aReadableKeytabGivesItsRealmAndAnUnreadableOneIsStillEvidence() throws Exception {
        byte[] keytab = {5, 2, 0, 0, 0, 28, 0, 1, 0, 13, 'C', 'H', '-', 'T', 'E', 'S', 'T', '.', 'L', 'O', 'C', 'A', 'L',
                0, 5, 'B', 'K', 'P', '0', '1', 0, 0, 0, 1};
        Path kt = tmp.resolve("krb5.keytab");
        Files.write(kt, keytab);
        var ok = DomainMembershipProbe.probe(Optional.empty(), tmp.resolve("none"), Optional.empty(), kt);
        assertThat(ok.membership().domainName()).hasValue("ch-test.local");
        assertThat(ok.membership().evidence().get(0).detail()).contains("CH-TEST.LOCAL");
        Files.write(kt, new byte[] {1, 2, 3});
        var bad = DomainMembershipProbe.probe(Optional.empty(), tmp.resolve("none"), Optional.empty(), kt);
        assertThat(bad.membership().joined()).isTrue();
        assertThat(bad.membership().evidence().get(0).detail()).contains("principals not readable");
    }

    @Test
    void realmListOutputGivesTheJoinedDomain() {
        var evidence = new java.util.ArrayList<fr.vigie.snapshot.host.MembershipEvidence>();
        var names = new java.util.ArrayList<String>();
        DomainMembershipProbe.parseRealm(String.join("\n", "ch-test.local", "  type: kerberos",
                "  realm-name: CH-TEST.LOCAL", "  domain-name: ch-test.local", "  configured: kerberos-member",
                "other.local", "  type: kerberos", "  domain-name: other.local", "  configured: no"), evidence, names);
        assertThat(names).containsExactly("ch-test.local");
        assertThat(evidence.get(0).detail())
                .isEqualTo("domain-name: ch-test.local, realm-name: CH-TEST.LOCAL, configured: kerberos-member");
    }

    @Test
    void backupProductsAreRecognisedByDistinctiveNamesOnly() {
        var catalog = new BackupSoftwareCatalog(List.of("SauvegardeMaison"));
        assertThat(catalog.match("Veeam.Backup.Service.exe")).hasValue("Veeam");
        assertThat(catalog.match("bareos-fd")).hasValue("Bareos");
        assertThat(catalog.match("borg")).hasValue("Borg");
        assertThat(catalog.match("cvd")).hasValue("Commvault");
        assertThat(catalog.match("sauvegardemaison-agent")).hasValue("SauvegardeMaison");
        assertThat(catalog.match("borgesd")).isEmpty();
        assertThat(catalog.match("cvdisk")).isEmpty();
        assertThat(catalog.match("sshd")).isEmpty();
    }
}
