package fr.vigie.checks.backup;

import static fr.vigie.checks.testing.CheckHarness.evaluate;
import static fr.vigie.checks.testing.CheckHarness.names;
import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.checks.Evidence;
import fr.vigie.checks.testing.SnapshotFixture;
import fr.vigie.snapshot.Uac;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BackupServerDelegationTest {
    private final BackupServerDelegation check = new BackupServerDelegation();

    @Test
    void flagsUnconstrainedAndResourceBasedDelegationOnBackupServers() {
        var f = SnapshotFixture.domain();
        var helpdesk = f.user("helpdesk").add();
        f.computer("SRV-VEEAM").flags(Uac.TRUSTED_FOR_DELEGATION).add();
        f.computer("SRV-APP7").description("Serveur de sauvegarde Commvault")
                .allowedToActOnBehalfOf(helpdesk.sid(), "S-1-5-21-9-9-9-1234").add();
        List<Evidence> found = evaluate(check, f.build());
        assertThat(names(found)).containsExactly("SRV-VEEAM$", "SRV-APP7$");
        assertThat(found.get(0).attributes())
                .containsEntry("matchedBy", "sAMAccountName 'SRV-VEEAM$' matches '*veeam*'")
                .containsEntry("userAccountControl", "0x81000 (WORKSTATION_TRUST_ACCOUNT|TRUSTED_FOR_DELEGATION)");
        assertThat(found.get(1).attributes())
                .containsEntry("matchedBy", "description 'Serveur de sauvegarde Commvault' matches '*sauvegarde*'")
                .containsEntry("msDS-AllowedToActOnBehalfOfOtherIdentity",
                        helpdesk.sid() + " (helpdesk), S-1-5-21-9-9-9-1234")
                .doesNotContainKey("userAccountControl");
    }

    @Test
    void theInventoryFindsServersWithoutATellingName() {
        var f = SnapshotFixture.domain();
        f.computer("SRV042").flags(Uac.TRUSTED_FOR_DELEGATION).add();
        var snapshot = f.build();
        assertThat(evaluate(check, snapshot)).isEmpty();
        assertThat(evaluate(check, snapshot, Map.of("backupHosts", List.of("srv042.CH-TEST.local"))))
                .singleElement().satisfies(e -> assertThat(e.attributes())
                        .containsEntry("matchedBy", "backupHosts lists 'srv042.ch-test.local'"));
        assertThat(evaluate(check, snapshot, Map.of("backupHosts", List.of("SRV042")))).hasSize(1);
        assertThat(evaluate(check, snapshot, Map.of("backupHosts", List.of("srv042$")))).hasSize(1);
    }

    @Test
    void ignoresBackupServersWithoutDelegationDisabledOnesAndDomainControllers() {
        var f = SnapshotFixture.domain();
        f.computer("SRV-VEEAM").add();
        f.computer("SRV-BKP-OLD").disabled().flags(Uac.TRUSTED_FOR_DELEGATION).add();
        f.domainController("DC-BACKUP").add();
        f.computer("SRV-WEB").flags(Uac.TRUSTED_FOR_DELEGATION).add();
        assertThat(evaluate(check, f.build())).isEmpty();
    }

    @Test
    void passesOnTheCleanDomain() {
        assertThat(evaluate(check, SnapshotFixture.domain().build())).isEmpty();
    }
}
