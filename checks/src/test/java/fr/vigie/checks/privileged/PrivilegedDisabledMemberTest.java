package fr.vigie.checks.privileged;

import static fr.vigie.checks.testing.CheckHarness.evaluate;
import static fr.vigie.checks.testing.CheckHarness.names;
import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.checks.Evidence;
import fr.vigie.checks.testing.SnapshotFixture;
import fr.vigie.snapshot.Sids;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrivilegedDisabledMemberTest {
    private final PrivilegedDisabledMember check = new PrivilegedDisabledMember();

    @Test
    void flagsADisabledAccountStillInANestedPrivilegedGroup() {
        var f = SnapshotFixture.domain();
        f.addMember("Administrators", f.group("Old IT"));
        f.addMember("Old IT", f.user("former-admin").disabled().add().dn());
        List<Evidence> found = evaluate(check, f.build());
        assertThat(names(found)).containsExactly("former-admin");
        assertThat(found.get(0).attributes().get("userAccountControl")).contains("ACCOUNTDISABLE");
        assertThat(found.get(0).attributes()).containsEntry("privilegedGroups", "Administrators");
    }

    @Test
    void ignoresEnabledAdminsDisabledNonMembersAndTheDisabledBuiltInAdministrator() {
        var f = SnapshotFixture.domain();
        f.addMember("Domain Admins", f.user("alice").add().dn());
        f.user("gone").disabled().add();
        f.addMember("Administrators", f.user("Administrator").rid(Sids.RID_ADMINISTRATOR).disabled().add().dn());
        assertThat(evaluate(check, f.build())).isEmpty();
    }
}
