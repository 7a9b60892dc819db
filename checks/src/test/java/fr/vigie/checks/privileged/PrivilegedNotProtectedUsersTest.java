package fr.vigie.checks.privileged;

import static fr.vigie.checks.testing.CheckHarness.evaluate;
import static fr.vigie.checks.testing.CheckHarness.names;
import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.checks.Evidence;
import fr.vigie.checks.testing.SnapshotFixture;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrivilegedNotProtectedUsersTest {
    private final PrivilegedNotProtectedUsers check = new PrivilegedNotProtectedUsers();

    @Test
    void flagsAPrivilegedUserOutsideProtectedUsers() {
        var f = SnapshotFixture.domain();
        f.addMember("Domain Admins", f.user("alice").add().dn());
        var bob = f.user("bob").add();
        f.addMember("Domain Admins", bob.dn()).addMember("Protected Users", bob.dn());
        List<Evidence> found = evaluate(check, f.build());
        assertThat(names(found)).containsExactly("alice");
        assertThat(found.get(0).attributes())
                .containsEntry("protectedUsers", "not a member")
                .containsEntry("privilegedGroups", "Domain Admins");
    }

    @Test
    void passesWhenEveryPrivilegedUserIsProtectedAndIgnoresComputersAndDisabledAccounts() {
        var f = SnapshotFixture.domain();
        f.group("Admins T0");
        f.addMember("Protected Users", f.groupDn("Admins T0"));
        var alice = f.user("alice").add();
        f.addMember("Domain Admins", alice.dn()).addMember("Admins T0", alice.dn());
        f.domainController("DC1").add();
        f.addMember("Domain Admins", f.user("retired").disabled().add().dn());
        f.user("clerk").add();
        assertThat(evaluate(check, f.build())).isEmpty();
    }
}
