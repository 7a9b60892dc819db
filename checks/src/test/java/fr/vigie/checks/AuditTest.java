package fr.vigie.checks;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.checks.testing.HostSnapshotFixture;
import fr.vigie.checks.testing.SnapshotFixture;
import fr.vigie.ruleset.CatalogueLoader;
import fr.vigie.ruleset.score.RuleStatus;
import fr.vigie.snapshot.DataSource;
import fr.vigie.snapshot.Uac;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuditTest {
    private final Audit audit = new Audit(CatalogueLoader.builtIn());

    @Test
    void aCleanCompleteDomainHasNoFailingRuleAndIsComplete() {
        AuditResult r = audit.run(SnapshotFixture.domain().build(), Optional.of(cleanHost()));
        assertThat(r.failing()).extracting(x -> x.rule().id()).isEmpty();
        assertThat(r.score().complete()).isTrue();
        assertThat(r.score().maturityLevel()).isEqualTo(5);
        assertThat(r.score().backupMaturityLevel()).isEqualTo(5);
        assertThat(r.score().backupComplete()).isTrue();
    }

    @Test
    void withoutAHostSnapshotTheHostRulesAreNotEvaluatedWithMissingDataHost() {
        AuditResult r = audit.run(SnapshotFixture.domain().build());
        assertThat(r.failing()).isEmpty();
        assertThat(r.score().maturityLevel()).isEqualTo(5);
        for (var hostCheck : CheckRegistry.hostChecks()) {
            RuleResult x = result(r, hostCheck.ruleId());
            assertThat(x.status()).as(hostCheck.ruleId()).isEqualTo(RuleStatus.NOT_EVALUATED);
            assertThat(x.missingHostData()).containsExactly(RuleResult.HOST);
        }
        assertThat(r.notEvaluated()).hasSize(CheckRegistry.hostChecks().size());
        // The domain score stays complete: only the backup level is an upper bound.
        assertThat(r.score().complete()).isTrue();
        assertThat(r.score().backupComplete()).isFalse();
    }

    /** A clean host: a location with a fresh, private, immutable backup. */
    static fr.vigie.snapshot.host.HostSnapshot cleanHost() {
        return HostSnapshotFixture.linuxHost().location("/srv/backup",
                HostSnapshotFixture.item("/srv/backup/a.vbk", fr.vigie.snapshot.host.BackupItemKind.FILE, "0600",
                        HostSnapshotFixture.hoursAgo(1), Optional.of(true))).build();
    }

    private static RuleResult result(AuditResult r, String id) {
        return r.results().stream().filter(x -> x.rule().id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aFailedStepMakesItsRulesNotEvaluatedAndTheScoreIncomplete() {
        var f = SnapshotFixture.domain().failed(DataSource.COMPUTERS);
        f.computer("SRV").flags(Uac.TRUSTED_FOR_DELEGATION).add();
        AuditResult r = audit.run(f.build());
        RuleResult deleg = r.results().stream().filter(x -> x.rule().id().equals("delegation-unconstrained"))
                .findFirst().orElseThrow();
        assertThat(deleg.status()).isEqualTo(RuleStatus.NOT_EVALUATED);
        assertThat(deleg.missingData()).containsExactly(DataSource.COMPUTERS);
        assertThat(r.score().complete()).isFalse();
        assertThat(r.score().notEvaluated()).contains("delegation-unconstrained");
    }

    @Test
    void aFindingCountsItsPointsAndCapsTheLevel() {
        var f = SnapshotFixture.domain();
        f.computer("SRV").flags(Uac.TRUSTED_FOR_DELEGATION).add();
        AuditResult r = audit.run(f.build());
        assertThat(r.failing()).extracting(x -> x.rule().id()).contains("delegation-unconstrained");
        assertThat(r.score().maturityLevel()).isEqualTo(1);
        assertThat(r.score().globalScore()).isPositive();
    }
}
