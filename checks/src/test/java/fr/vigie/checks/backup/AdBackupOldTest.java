package fr.vigie.checks.backup;

import static fr.vigie.checks.backup.AdBackupTooOldForRestoreTest.neverSigned;
import static fr.vigie.checks.backup.AdBackupTooOldForRestoreTest.withNamingContexts;
import static fr.vigie.checks.backup.AdBackupTooOldForRestoreTest.withTombstoneLifetime;
import static fr.vigie.checks.testing.CheckHarness.evaluate;
import static fr.vigie.checks.testing.SnapshotFixture.backedUpNamingContext;
import static fr.vigie.checks.testing.SnapshotFixture.daysAgo;
import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.checks.Evidence;
import fr.vigie.checks.testing.SnapshotFixture;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdBackupOldTest {
    private static final String DOMAIN = SnapshotFixture.DOMAIN_DN;
    private static final String CONFIG = SnapshotFixture.CONFIG_DN;
    private final AdBackupOld check = new AdBackupOld();

    @Test
    void flagsABackupOfSevenDaysButNotOneSecondYounger() {
        var found = evaluate(check, withNamingContexts(backedUpNamingContext(DOMAIN, daysAgo(7)),
                backedUpNamingContext(CONFIG, daysAgo(7).plusSeconds(1))).build());
        assertThat(found).extracting(Evidence::object).containsExactly(DOMAIN);
        assertThat(found.get(0).attributes()).containsEntry("lastBackup", "2026-05-25T00:00:00Z")
                .containsEntry("ageDays", "7").containsEntry("maxAgeDays", "7")
                .containsEntry("basis", "dSASignature version 3 dated 2026-05-25T00:00:00Z");
    }

    @Test
    void leavesNeverBackedUpAndBeyondTombstoneToTheLevelOneRule() {
        var f = withNamingContexts(neverSigned(DOMAIN), backedUpNamingContext(CONFIG, daysAgo(60)));
        assertThat(evaluate(check, f.build())).isEmpty();
        var g = withNamingContexts(backedUpNamingContext(CONFIG, daysAgo(59)));
        assertThat(evaluate(check, g.build())).extracting(Evidence::object).containsExactly(CONFIG);
    }

    @Test
    void theLongerTombstoneLifetimeKeepsAFourMonthOldBackupHere() {
        var f = withTombstoneLifetime(withNamingContexts(backedUpNamingContext(DOMAIN, daysAgo(120))), 180);
        assertThat(evaluate(check, f.build())).singleElement()
                .satisfies(e -> assertThat(e.attributes()).containsEntry("ageDays", "120"));
    }

    @Test
    void followsTheSiteThreshold() {
        var f = withNamingContexts(backedUpNamingContext(DOMAIN, daysAgo(2)));
        assertThat(evaluate(check, f.build())).isEmpty();
        assertThat(evaluate(check, f.build(), Map.of("maxAgeDays", 2L))).hasSize(1);
    }

    @Test
    void passesOnTheCleanDomain() {
        assertThat(evaluate(check, SnapshotFixture.domain().build())).isEmpty();
    }
}
