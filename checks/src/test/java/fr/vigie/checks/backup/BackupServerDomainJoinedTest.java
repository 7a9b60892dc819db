package fr.vigie.checks.backup;

import static fr.vigie.checks.testing.CheckHarness.evaluate;
import static fr.vigie.checks.testing.CheckHarness.names;
import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.checks.Evidence;
import fr.vigie.checks.testing.SnapshotFixture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BackupServerDomainJoinedTest {
    private final BackupServerDomainJoined check = new BackupServerDomainJoined();

    @Test
    void flagsBackupServersFoundByNameDnsNameOrInventory() {
        var f = SnapshotFixture.domain();
        f.computer("SRV-VEEAM01").computer("Windows Server 2022 Standard", "10.0 (20348)", true).add();
        f.computer("NAS-REPO").spns("HOST/nas-repo.ch-test.local", "RestrictedKrbHost/bareos-sd").add();
        f.computer("SRV17").add();
        f.computer("PC-ACCUEIL").add();
        List<Evidence> found = evaluate(check, f.build(), Map.of("backupHosts", List.of("srv17.ch-test.local")));
        assertThat(names(found)).containsExactly("SRV-VEEAM01$", "NAS-REPO$", "SRV17$");
        assertThat(found.get(0).attributes())
                .containsEntry("matchedBy", "sAMAccountName 'SRV-VEEAM01$' matches '*veeam*'")
                .containsEntry("dNSHostName", "srv-veeam01.ch-test.local")
                .containsEntry("operatingSystem", "Windows Server 2022 Standard")
                .containsEntry("lastLogonTimestamp", "2026-05-31T00:00:00Z");
        assertThat(found.get(1).attributes())
                .containsEntry("matchedBy", "servicePrincipalName 'RestrictedKrbHost/bareos-sd' matches '*bareos*'");
        assertThat(found.get(2).attributes()).containsEntry("matchedBy", "backupHosts lists 'srv17.ch-test.local'");
    }

    @Test
    void ignoresDisabledServersDomainControllersAndUsers() {
        var f = SnapshotFixture.domain();
        f.computer("SRV-BACKUP-OLD").disabled().add();
        f.domainController("DC-SAUVEGARDE").add();
        f.user("svc-veeam").add();
        assertThat(evaluate(check, f.build())).isEmpty();
    }

    @Test
    void passesOnTheCleanDomain() {
        assertThat(evaluate(check, SnapshotFixture.domain().build())).isEmpty();
    }
}
