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

class UserDormantTest {
    private final UserDormant check = new UserDormant();

    @Test
    void flagsAnEnabledUserWithNoActivityForExactly180Days() {
        var f = SnapshotFixture.domain();
        f.user("old.nurse").lastLogon(daysAgo(180)).pwdLastSet(daysAgo(200)).whenCreated(daysAgo(900)).add();
        List<Evidence> found = evaluate(check, f.build());
        assertThat(names(found)).containsExactly("old.nurse");
        assertThat(found.get(0).attributes())
                .containsEntry("lastLogonTimestamp", daysAgo(180) + " (180 days ago)")
                .containsEntry("pwdLastSet", daysAgo(200) + " (200 days ago)")
                .containsEntry("whenCreated", daysAgo(900) + " (900 days ago)");
    }

    @Test
    void aLogonOrAPasswordChangeOrACreation179DaysAgoIsActivity() {
        var f = SnapshotFixture.domain();
        f.user("logon").lastLogon(daysAgo(179)).pwdLastSet(daysAgo(400)).add();
        f.user("password").lastLogon(daysAgo(400)).pwdLastSet(daysAgo(179)).add();
        f.user("created").lastLogon(null).pwdLastSet(null).whenCreated(daysAgo(179)).add();
        f.user("active").add();
        assertThat(evaluate(check, f.build())).isEmpty();
    }

    @Test
    void aUserThatNeverLoggedOnIsDormantOnceItsCreationIsOldEnough() {
        var f = SnapshotFixture.domain();
        f.user("never").lastLogon(null).pwdLastSet(null).whenCreated(daysAgo(181)).add();
        List<Evidence> found = evaluate(check, f.build());
        assertThat(names(found)).containsExactly("never");
        assertThat(found.get(0).attributes()).containsEntry("lastLogonTimestamp", "never")
                .containsEntry("pwdLastSet", "never");
    }

    @Test
    void ignoresDisabledUsersAndComputers() {
        var f = SnapshotFixture.domain();
        f.user("gone").lastLogon(daysAgo(500)).pwdLastSet(daysAgo(500)).disabled().add();
        f.computer("OLDPC").lastLogon(daysAgo(500)).pwdLastSet(daysAgo(500)).add();
        assertThat(evaluate(check, f.build())).isEmpty();
    }

    @Test
    void followsAnOverriddenThreshold() {
        var f = SnapshotFixture.domain();
        f.user("quiet").lastLogon(daysAgo(90)).pwdLastSet(daysAgo(90)).add();
        assertThat(evaluate(check, f.build())).isEmpty();
        assertThat(names(evaluate(check, f.build(), Map.of("inactiveDays", 90L)))).containsExactly("quiet");
    }
}
