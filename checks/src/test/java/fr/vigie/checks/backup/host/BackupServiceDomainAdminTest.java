package fr.vigie.checks.backup.host;

import static fr.vigie.checks.testing.HostCheckHarness.evaluate;
import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.checks.testing.HostSnapshotFixture;
import fr.vigie.checks.testing.SnapshotFixture;
import fr.vigie.snapshot.Account;
import fr.vigie.snapshot.DataSource;
import fr.vigie.snapshot.host.DetectionKind;
import org.junit.jupiter.api.Test;

class BackupServiceDomainAdminTest {
    private final BackupServiceDomainAdmin check = new BackupServiceDomainAdmin();

    private static SnapshotFixture domainWithVeeamAdmin() {
        var d = SnapshotFixture.domain();
        Account svc = d.user("svc-veeam").add();
        d.addMember("Domain Admins", svc.dn());
        d.user("svc-borg").add();
        return d;
    }

    @Test
    void flagsAWindowsBackupServiceRunningAsADomainAdmin() {
        var h = HostSnapshotFixture.windowsHost().joined("ch-test.local")
                .software("Veeam", DetectionKind.SERVICE, "VeeamBackupSvc", "CH-TEST\\svc-veeam", null);
        var found = evaluate(check, h.build(), domainWithVeeamAdmin().build());
        assertThat(found).hasSize(1);
        assertThat(found.get(0).name()).isEqualTo("svc-veeam");
        assertThat(found.get(0).attributes()).containsEntry("product", "Veeam")
                .containsEntry("service", "VeeamBackupSvc").containsEntry("runs as", "CH-TEST\\svc-veeam")
                .containsEntry("privileged through", "Domain Admins")
                .containsEntry("matched by", "name 'svc-veeam' in domain CH-TEST");
    }

    @Test
    void matchesBySidFirst() {
        var d = domainWithVeeamAdmin();
        var built = d.build();
        String sid = built.users().filter(a -> a.samAccountName().equals("svc-veeam")).findFirst().orElseThrow().sid();
        var h = HostSnapshotFixture.windowsHost()
                .software("Veeam", DetectionKind.PROCESS, "Veeam.Backup.Service.exe", "OTHER\\renamed", sid);
        var found = evaluate(check, h.build(), built);
        assertThat(found.get(0).attributes()).containsEntry("matched by", "SID " + sid);
    }

    @Test
    void anUnqualifiedLinuxUserMatchesOnlyWhenTheHostIsJoinedToTheAuditedDomain() {
        var notJoined = HostSnapshotFixture.linuxHost()
                .software("Bareos", DetectionKind.PROCESS, "bareos-fd", "svc-veeam", "1001");
        assertThat(evaluate(check, notJoined.build(), domainWithVeeamAdmin().build())).isEmpty();
        var joined = HostSnapshotFixture.linuxHost().joined("ch-test.local")
                .software("Bareos", DetectionKind.PROCESS, "bareos-fd", "svc-veeam", "1001");
        assertThat(evaluate(check, joined.build(), domainWithVeeamAdmin().build())).hasSize(1);
    }

    @Test
    void passesForLocalSystemLocalAccountsAndNonPrivilegedDomainAccounts() {
        var h = HostSnapshotFixture.windowsHost().joined("ch-test.local")
                .software("Veeam", DetectionKind.SERVICE, "VeeamBackupSvc", "LocalSystem", null)
                .software("Veeam", DetectionKind.SERVICE, "VeeamCatalogSvc", "NT AUTHORITY\\NetworkService", null)
                .software("Veeam", DetectionKind.SERVICE, "VeeamMountSvc", ".\\svc-veeam", null)
                .software("Veeam", DetectionKind.SERVICE, "VeeamX", "VEEAM01\\svc-veeam", null)
                .software("borg", DetectionKind.PROCESS, "borg", "CH-TEST\\svc-borg", null)
                .software("restic", DetectionKind.PACKAGE, "restic", null, null);
        assertThat(evaluate(check, h.build(), domainWithVeeamAdmin().build())).isEmpty();
    }

    @Test
    void withoutADirectorySnapshotItFindsNothingAndDeclaresItNeedsOne() {
        var h = HostSnapshotFixture.windowsHost()
                .software("Veeam", DetectionKind.SERVICE, "VeeamBackupSvc", "CH-TEST\\svc-veeam", null);
        assertThat(evaluate(check, h.build())).isEmpty();
        assertThat(check.requiresDirectory()).contains(DataSource.GROUPS, DataSource.USERS);
    }
}
