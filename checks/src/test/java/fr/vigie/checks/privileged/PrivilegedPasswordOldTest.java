package fr.vigie.checks.privileged;

import static fr.vigie.checks.testing.CheckHarness.evaluate;
import static fr.vigie.checks.testing.CheckHarness.names;
import static fr.vigie.checks.testing.SnapshotFixture.daysAgo;
import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.checks.Evidence;
import fr.vigie.checks.testing.SnapshotFixture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrivilegedPasswordOldTest {
    private final PrivilegedPasswordOld check = new PrivilegedPasswordOld();

    @Test
    void passesAtExactly1095Days() {
        var f = SnapshotFixture.domain();
        f.addMember("Domain Admins", f.user("alice").whenCreated(daysAgo(4000)).pwdLastSet(daysAgo(1095)).add().dn());
        assertThat(evaluate(check, f.build())).isEmpty();
    }

    @Test
    void failsAt1096DaysWithTheDateAndAge() {
        var f = SnapshotFixture.domain();
        f.addMember("Domain Admins", f.user("alice").whenCreated(daysAgo(4000)).pwdLastSet(daysAgo(1096)).add().dn());
        List<Evidence> found = evaluate(check, f.build());
        assertThat(names(found)).containsExactly("alice");
        assertThat(found.get(0).attributes())
                .containsEntry("pwdLastSet", "2023-06-01T00:00:00Z")
                .containsEntry("passwordAgeDays", "1096")
                .containsEntry("maxPasswordAgeDays", "1095")
                .containsEntry("privilegedGroups", "Domain Admins");
    }

    @Test
    void followsAnOverriddenThreshold() {
        var f = SnapshotFixture.domain();
        f.addMember("Backup Operators", f.user("bob").pwdLastSet(daysAgo(400)).add().dn());
        assertThat(names(evaluate(check, f.build(), Map.of("maxPasswordAgeDays", 365L)))).containsExactly("bob");
    }

    @Test
    void flagsANeverSetPasswordOnAnOldAccountButNotOnANewOne() {
        var f = SnapshotFixture.domain();
        f.addMember("Domain Admins", f.user("ancient").whenCreated(daysAgo(2000)).pwdLastSet(null).add().dn());
        f.addMember("Domain Admins", f.user("newbie").whenCreated(daysAgo(5)).pwdLastSet(null).add().dn());
        List<Evidence> found = evaluate(check, f.build());
        assertThat(names(found)).containsExactly("ancient");
        assertThat(found.get(0).attributes()).containsEntry("pwdLastSet", "never")
                .containsEntry("whenCreated", daysAgo(2000).toString());
    }

    @Test
    void ignoresUnprivilegedAndDisabledAccounts() {
        var f = SnapshotFixture.domain();
        f.user("clerk").pwdLastSet(daysAgo(3000)).add();
        f.addMember("Domain Admins", f.user("retired").pwdLastSet(daysAgo(3000)).disabled().add().dn());
        assertThat(evaluate(check, f.build())).isEmpty();
    }
}
