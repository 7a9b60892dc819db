package fr.vigie.checks.privileged;

import static fr.vigie.checks.testing.CheckHarness.evaluate;
import static fr.vigie.checks.testing.CheckHarness.names;
import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.checks.Evidence;
import fr.vigie.checks.testing.SnapshotFixture;
import fr.vigie.snapshot.Uac;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrivilegedDelegableTest {
    private final PrivilegedDelegable check = new PrivilegedDelegable();

    @Test
    void flagsAnAdminNeitherSensitiveNorInProtectedUsers() {
        var f = SnapshotFixture.domain();
        f.addMember("Enterprise Admins", f.user("alice").add().dn());
        List<Evidence> found = evaluate(check, f.build());
        assertThat(names(found)).containsExactly("alice");
        assertThat(found.get(0).attributes().get("userAccountControl")).doesNotContain("NOT_DELEGATED");
        assertThat(found.get(0).attributes()).containsEntry("privilegedGroups", "Enterprise Admins");
    }

    @Test
    void passesForSensitiveAccountsAndMembersOfProtectedUsersIncludingNested() {
        var f = SnapshotFixture.domain();
        f.addMember("Domain Admins", f.user("sensitive").flags(Uac.NOT_DELEGATED).add().dn());
        var direct = f.user("protected").add();
        f.addMember("Domain Admins", direct.dn()).addMember("Protected Users", direct.dn());
        f.addMember("Protected Users", f.group("Tier0"));
        var nested = f.user("nested").add();
        f.addMember("Domain Admins", nested.dn()).addMember("Tier0", nested.dn());
        f.user("clerk").add();
        assertThat(evaluate(check, f.build())).isEmpty();
    }
}
