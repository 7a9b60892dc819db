package fr.vigie.checks.anomalies;

import static fr.vigie.checks.testing.CheckHarness.evaluate;
import static fr.vigie.checks.testing.CheckHarness.names;
import static fr.vigie.checks.testing.SnapshotFixture.daysAgo;
import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.checks.testing.SnapshotFixture;
import fr.vigie.snapshot.Sids;
import fr.vigie.snapshot.Uac;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KrbtgtPasswordOldTest {
    private final KrbtgtPasswordOld check = new KrbtgtPasswordOld();

    private static SnapshotFixture withKrbtgtSet(java.time.Instant pwdLastSet) {
        var f = SnapshotFixture.domain();
        f.user("krbtgt").rid(Sids.RID_KRBTGT).uac(Uac.NORMAL_ACCOUNT | Uac.ACCOUNTDISABLE).pwdLastSet(pwdLastSet).add();
        return f;
    }

    @Test
    void flagsAKrbtgtPasswordOlderThanAYearWithItsDateAndAge() {
        var found = evaluate(check, withKrbtgtSet(daysAgo(1200)).build());
        assertThat(names(found)).containsExactly("krbtgt");
        assertThat(found.get(0).attributes())
                .containsEntry("pwdLastSet", daysAgo(1200).toString())
                .containsEntry("age (days)", "1200")
                .containsEntry("maxAgeDays", "365");
    }

    @Test
    void thresholdEdge365DaysPassesAnd366Fails() {
        assertThat(evaluate(check, withKrbtgtSet(daysAgo(365)).build())).isEmpty();
        assertThat(evaluate(check, withKrbtgtSet(daysAgo(366)).build())).hasSize(1);
    }

    @Test
    void honoursASiteThreshold() {
        assertThat(evaluate(check, withKrbtgtSet(daysAgo(200)).build(), Map.of("maxAgeDays", 180L))).hasSize(1);
        assertThat(evaluate(check, withKrbtgtSet(daysAgo(200)).build())).isEmpty();
    }

    @Test
    void aMissingPwdLastSetCountsAsTooOld() {
        var found = evaluate(check, withKrbtgtSet(null).build());
        assertThat(found.get(0).attributes()).containsEntry("pwdLastSet", "never set").doesNotContainKey("age (days)");
    }

    @Test
    void onlyTheRid502AccountCounts() {
        var f = SnapshotFixture.domain();
        f.user("krbtgt_12345").pwdLastSet(daysAgo(3000)).add();
        f.user("krbtgt").rid(Sids.RID_KRBTGT).pwdLastSet(daysAgo(10)).add();
        assertThat(evaluate(check, f.build())).isEmpty();
    }
}
