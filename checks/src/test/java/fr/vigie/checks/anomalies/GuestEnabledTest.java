package fr.vigie.checks.anomalies;

import static fr.vigie.checks.testing.CheckHarness.evaluate;
import static fr.vigie.checks.testing.CheckHarness.names;
import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.checks.testing.SnapshotFixture;
import fr.vigie.snapshot.Sids;
import org.junit.jupiter.api.Test;

class GuestEnabledTest {
    private final GuestEnabled check = new GuestEnabled();

    @Test
    void flagsTheEnabledRid501Account() {
        var f = SnapshotFixture.domain();
        f.user("Invité").rid(Sids.RID_GUEST).add();
        var found = evaluate(check, f.build());
        assertThat(names(found)).containsExactly("Invité");
        assertThat(found.get(0).attributes().get("userAccountControl")).isEqualTo("0x200 (NORMAL_ACCOUNT)");
    }

    @Test
    void passesWhenGuestIsDisabledAndIgnoresOtherAccountsNamedGuest() {
        var f = SnapshotFixture.domain();
        f.user("Guest").rid(Sids.RID_GUEST).disabled().add();
        f.user("guest2").add();
        assertThat(evaluate(check, f.build())).isEmpty();
    }
}
