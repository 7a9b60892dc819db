package fr.vigie.checks.backup;

import static fr.vigie.checks.testing.CheckHarness.evaluate;
import static fr.vigie.checks.testing.CheckHarness.names;
import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.checks.testing.SnapshotFixture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BackupServerWithoutLapsTest {
    private final BackupServerWithoutLaps check = new BackupServerWithoutLaps();

    @Test
    void flagsBackupServersWithoutALapsPassword() {
        var f = SnapshotFixture.domain();
        f.computer("SRV-VEEAM").computer("Windows Server 2019 Standard", "10.0 (17763)", false).add();
        f.computer("SRV-RUBRIK").computer("Windows Server 2019 Standard", "10.0 (17763)", true).add();
        f.computer("SRV-APP").computer("Windows Server 2019 Standard", "10.0 (17763)", false).add();
        var found = evaluate(check, f.build());
        assertThat(names(found)).containsExactly("SRV-VEEAM$");
        assertThat(found.get(0).attributes()).containsEntry("lapsPassword",
                "no ms-Mcs-AdmPwdExpirationTime nor msLAPS-PasswordExpirationTime");
    }

    @Test
    void anInventoryServerWithoutLapsIsFlaggedToo() {
        var f = SnapshotFixture.domain();
        f.computer("SRV-APP").computer("Windows Server 2019 Standard", "10.0 (17763)", false).add();
        assertThat(evaluate(check, f.build(), Map.of("backupHosts", List.of("srv-app")))).hasSize(1);
    }

    @Test
    void passesOnTheCleanDomain() {
        assertThat(evaluate(check, SnapshotFixture.domain().build())).isEmpty();
    }
}
