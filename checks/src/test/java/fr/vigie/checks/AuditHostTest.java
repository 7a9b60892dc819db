package fr.vigie.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.vigie.checks.backup.host.BackupStale;
import fr.vigie.checks.testing.HostSnapshotFixture;
import fr.vigie.checks.testing.SnapshotFixture;
import fr.vigie.ruleset.CatalogueLoader;
import fr.vigie.ruleset.score.RuleStatus;
import fr.vigie.snapshot.DataSource;
import fr.vigie.snapshot.host.DetectionKind;
import fr.vigie.snapshot.host.HostDataSource;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuditHostTest {
    private final Audit audit = new Audit(CatalogueLoader.builtIn());

    private static RuleResult result(AuditResult r, String id) {
        return r.results().stream().filter(x -> x.rule().id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aHostFindingFailsItsRuleAndCapsTheBackupLevelNotTheDirectoryLevel() {
        var host = HostSnapshotFixture.linuxHost().mount("/mnt/backup", "nfs4", "nas:/backup", false).build();
        AuditResult r = audit.run(SnapshotFixture.domain().build(), Optional.of(host));
        RuleResult mounted = result(r, "backup-repo-mounted-rw");
        assertThat(mounted.status()).isEqualTo(RuleStatus.FAIL);
        assertThat(mounted.evidence()).extracting(Evidence::object).containsExactly("/mnt/backup");
        assertThat(r.score().backupMaturityLevel()).isEqualTo(1);
        assertThat(r.score().backupToReachNextLevel()).contains("backup-repo-mounted-rw");
        assertThat(r.score().maturityLevel()).isEqualTo(5);
    }

    @Test
    void nothingFoundInPartialDataIsNotEvaluatedNeverAPass() {
        var host = HostSnapshotFixture.linuxHost().failed(HostDataSource.NFS_EXPORTS).build();
        AuditResult r = audit.run(SnapshotFixture.domain().build(), Optional.of(host));
        RuleResult nfs = result(r, "backup-nfs-export-open");
        assertThat(nfs.status()).isEqualTo(RuleStatus.NOT_EVALUATED);
        assertThat(nfs.missingHostData()).containsExactly("NFS_EXPORTS");
        assertThat(r.score().backupComplete()).isFalse();
    }

    @Test
    void aFindingInPartialDataStillFailsAndListsTheIncompleteSource() {
        var host = HostSnapshotFixture.linuxHost().failed(HostDataSource.NFS_EXPORTS)
                .export("/srv/backup", "*", "rw").build();
        RuleResult nfs = result(audit.run(SnapshotFixture.domain().build(), Optional.of(host)),
                "backup-nfs-export-open");
        assertThat(nfs.status()).isEqualTo(RuleStatus.FAIL);
        assertThat(nfs.missingHostData()).containsExactly("NFS_EXPORTS");
        assertThat(nfs.missingSourceNames()).containsExactly("NFS_EXPORTS");
    }

    @Test
    void theServiceAccountRuleIsCrossCheckedWithTheDirectoryAndNeedsItsGroups() {
        var d = SnapshotFixture.domain();
        var svc = d.user("svc-veeam").add();
        d.addMember("Domain Admins", svc.dn());
        var host = HostSnapshotFixture.windowsHost()
                .software("Veeam", DetectionKind.SERVICE, "VeeamBackupSvc", "CH-TEST\\svc-veeam", null).build();
        assertThat(result(audit.run(d.build(), Optional.of(host)), "backup-service-domain-admin").status())
                .isEqualTo(RuleStatus.FAIL);
        var clean = HostSnapshotFixture.windowsHost().build();
        RuleResult partial = result(audit.run(SnapshotFixture.domain().failed(DataSource.GROUPS).build(),
                Optional.of(clean)), "backup-service-domain-admin");
        assertThat(partial.status()).isEqualTo(RuleStatus.NOT_EVALUATED);
        assertThat(partial.missingData()).containsExactly(DataSource.GROUPS);
    }

    @Test
    void theConstructorRefusesARuleWithoutCheckAndARuleClaimedTwice() {
        var catalogue = CatalogueLoader.builtIn();
        assertThatThrownBy(() -> new Audit(catalogue, CheckRegistry.all(), List.of()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("backup-repo-mounted-rw")
                .hasMessageContaining("has no check");
        List<fr.vigie.checks.host.HostCheck> twice = new java.util.ArrayList<>(CheckRegistry.hostChecks());
        twice.add(new BackupStale());
        assertThatThrownBy(() -> new Audit(catalogue, CheckRegistry.all(), twice))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("two host checks for rule backup-stale");
    }
}
