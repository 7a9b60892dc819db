package fr.vigie.checks.backup;

import static fr.vigie.checks.testing.SnapshotFixture.backedUpNamingContext;
import static fr.vigie.checks.testing.SnapshotFixture.daysAgo;
import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.checks.Audit;
import fr.vigie.checks.AuditResult;
import fr.vigie.checks.testing.SnapshotFixture;
import fr.vigie.ruleset.CatalogueLoader;
import fr.vigie.ruleset.Category;
import fr.vigie.ruleset.Rule;
import fr.vigie.snapshot.DirectoryServiceConfig;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The backup rules through the whole audit: their own maturity scale, apart from the AD level. */
class BackupScoringTest {
    private final Audit audit = new Audit(CatalogueLoader.builtIn());

    @Test
    void everyBackupCheckHasABackupRule() {
        for (var check : BackupChecks.all()) {
            Rule rule = CatalogueLoader.builtIn().rule(check.ruleId());
            assertThat(rule.category()).as(rule.id()).isEqualTo(Category.BACKUP);
            assertThat(rule.description()).as(rule.id()).containsPattern("\\(B-AD-[A-Za-z]+");
        }
    }

    @Test
    void theCleanDomainIsAtBackupLevelFive() {
        AuditResult r = audit.run(SnapshotFixture.domain().build());
        assertThat(r.score().backupMaturityLevel()).isEqualTo(5);
        assertThat(r.score().backupToReachNextLevel()).isEmpty();
    }

    @Test
    void aWeekOldBackupLowersOnlyTheBackupLevel() {
        var f = SnapshotFixture.domain().withoutNamingContexts()
                .namingContext(backedUpNamingContext(SnapshotFixture.DOMAIN_DN, daysAgo(10)));
        AuditResult r = audit.run(f.build());
        assertThat(r.score().backupMaturityLevel()).isEqualTo(2);
        assertThat(r.score().backupToReachNextLevel()).containsExactly("backup-ad-old");
        assertThat(r.score().maturityLevel()).isEqualTo(5);
    }

    @Test
    void aFreshSambaLikeDomainIsAtBackupLevelOne() {
        // no dSASignature on the naming contexts, Recycle Bin off, one DC, an admin backup account
        var f = SnapshotFixture.domain().withoutNamingContexts().withoutDcServers()
                .namingContext(AdBackupTooOldForRestoreTest.neverSigned(SnapshotFixture.DOMAIN_DN))
                .directoryService(new DirectoryServiceConfig(Optional.empty(), Optional.empty(), Optional.empty(),
                        List.of()));
        f.addMember("Domain Admins", f.user("svc-veeam").add().dn());
        AuditResult r = audit.run(f.build());
        assertThat(r.score().backupMaturityLevel()).isEqualTo(1);
        assertThat(r.score().backupToReachNextLevel()).containsExactly(
                "backup-ad-never-or-too-old-for-restore", "backup-service-account-privileged");
        assertThat(r.failing()).extracting(x -> x.rule().id())
                .contains("backup-recycle-bin-disabled", "backup-single-writable-dc")
                .doesNotContain("backup-service-account-weak", "backup-ad-old"); // no double report
    }
}
