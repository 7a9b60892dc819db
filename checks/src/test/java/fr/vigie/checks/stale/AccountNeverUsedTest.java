package fr.vigie.checks.stale;

import static fr.vigie.checks.testing.CheckHarness.evaluate;
import static fr.vigie.checks.testing.CheckHarness.names;
import static fr.vigie.checks.testing.SnapshotFixture.daysAgo;
import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.checks.Evidence;
import fr.vigie.checks.testing.SnapshotFixture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccountNeverUsedTest {
    private final AccountNeverUsed check = new AccountNeverUsed();

    @Test
    void flagsAUserCreated30DaysAgoThatNeverLoggedOn() {
        var f = SnapshotFixture.domain();
        f.user("intern").lastLogon(null).whenCreated(daysAgo(30)).pwdLastSet(daysAgo(30)).add();
        List<Evidence> found = evaluate(check, f.build());
        assertThat(names(found)).containsExactly("intern");
        assertThat(found.get(0).attributes())
                .containsEntry("lastLogonTimestamp", "never")
                .containsEntry("whenCreated", daysAgo(30) + " (30 days ago)");
    }

    @Test
    void leavesAUserCreated29DaysAgoItsGracePeriod() {
        var f = SnapshotFixture.domain();
        f.user("newcomer").lastLogon(null).whenCreated(daysAgo(29)).add();
        assertThat(evaluate(check, f.build())).isEmpty();
        assertThat(names(evaluate(check, f.build(), Map.of("graceDays", 29L)))).containsExactly("newcomer");
    }

    @Test
    void ignoresUsersThatLoggedOnDisabledUsersAndComputers() {
        var f = SnapshotFixture.domain();
        f.user("used").lastLogon(daysAgo(300)).whenCreated(daysAgo(400)).add();
        f.user("never-but-disabled").lastLogon(null).disabled().add();
        f.computer("NEVERPC").lastLogon(null).add();
        assertThat(evaluate(check, f.build())).isEmpty();
    }

    @Test
    void ignoresInterdomainTrustAccounts() {
        var f = SnapshotFixture.domain();
        f.user("PARTNER$").uac(fr.vigie.snapshot.Uac.INTERDOMAIN_TRUST_ACCOUNT | fr.vigie.snapshot.Uac.PASSWD_NOTREQD)
                .lastLogon(null).whenCreated(SnapshotFixture.daysAgo(400)).add();
        assertThat(evaluate(check, f.build())).isEmpty();
    }
}
