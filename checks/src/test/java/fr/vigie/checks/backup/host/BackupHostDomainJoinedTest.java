package fr.vigie.checks.backup.host;

import static fr.vigie.checks.testing.HostCheckHarness.evaluate;
import static fr.vigie.checks.testing.HostSnapshotFixture.file;
import static fr.vigie.checks.testing.HostSnapshotFixture.hoursAgo;
import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.checks.testing.HostSnapshotFixture;
import fr.vigie.checks.testing.SnapshotFixture;
import fr.vigie.snapshot.host.DetectionKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackupHostDomainJoinedTest {
    private final BackupHostDomainJoined check = new BackupHostDomainJoined();

    private static HostSnapshotFixture veeamServer(String domain) {
        return HostSnapshotFixture.windowsHost().joined(domain)
                .software("Veeam", DetectionKind.SERVICE, "VeeamBackupSvc", "LocalSystem", null);
    }

    @Test
    void flagsABackupServerJoinedToTheAuditedDomain() {
        var found = evaluate(check, veeamServer("ch-test.local").build(), SnapshotFixture.domain().build());
        assertThat(found).hasSize(1);
        assertThat(found.get(0).object()).isEqualTo("VEEAM01");
        assertThat(found.get(0).attributes()).containsEntry("domain", "ch-test.local")
                .containsEntry("production domain", "the audited domain ch-test.local")
                .containsEntry("backup role", "runs Veeam")
                .containsEntry("membership read from", "REALM: domain-name: ch-test.local");
    }

    @Test
    void aChildDomainOfTheAuditedOneIsProductionToo() {
        assertThat(evaluate(check, veeamServer("site2.ch-test.local").build(), SnapshotFixture.domain().build()))
                .hasSize(1);
    }

    @Test
    void passesForASeparateBackupForestANonJoinedHostOrAHostWithoutBackups() {
        var d = SnapshotFixture.domain().build();
        assertThat(evaluate(check, veeamServer("backup.local").build(), d)).isEmpty();
        assertThat(evaluate(check, HostSnapshotFixture.windowsHost()
                .software("Veeam", DetectionKind.SERVICE, "VeeamBackupSvc", "LocalSystem", null).build(), d))
                .isEmpty();
        assertThat(evaluate(check, HostSnapshotFixture.linuxHost().joined("ch-test.local").build(), d)).isEmpty();
    }

    @Test
    void holdingBackupsIsABackupRoleToo() {
        var h = HostSnapshotFixture.linuxHost().joined("ch-test.local")
                .location("/srv/backup", file("/srv/backup/a.bak", "0600", hoursAgo(1)));
        var found = evaluate(check, h.build(), SnapshotFixture.domain().build());
        assertThat(found.get(0).attributes()).containsEntry("backup role", "holds 1 backups in /srv/backup");
    }

    @Test
    void withoutADirectoryAnyMembershipIsReportedWithTheCaveatUnlessListedAsABackupDomain() {
        var found = evaluate(check, veeamServer("corp.local").build());
        assertThat(found.get(0).attributes().get("production domain")).startsWith("no directory snapshot");
        assertThat(evaluate(check, veeamServer("corp.local").build(), Optional.empty(),
                Map.of("backupDomains", List.of("CORP.local")))).isEmpty();
    }
}
