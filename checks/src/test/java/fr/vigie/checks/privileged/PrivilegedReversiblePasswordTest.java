package fr.vigie.checks.privileged;

import static fr.vigie.checks.testing.CheckHarness.evaluate;
import static fr.vigie.checks.testing.CheckHarness.names;
import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.checks.Evidence;
import fr.vigie.checks.testing.SnapshotFixture;
import fr.vigie.snapshot.Uac;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrivilegedReversiblePasswordTest {
    private final PrivilegedReversiblePassword check = new PrivilegedReversiblePassword();

    @Test
    void flagsAPrivilegedAccountWithReversibleEncryption() {
        var f = SnapshotFixture.domain();
        f.addMember("DnsAdmins", f.user("dns-op").flags(Uac.ENCRYPTED_TEXT_PWD_ALLOWED).add().dn());
        List<Evidence> found = evaluate(check, f.build());
        assertThat(names(found)).containsExactly("dns-op");
        assertThat(found.get(0).attributes().get("userAccountControl")).contains("ENCRYPTED_TEXT_PWD_ALLOWED");
        assertThat(found.get(0).attributes()).containsEntry("privilegedGroups", "DnsAdmins");
    }

    @Test
    void ignoresPrivilegedAccountsWithoutTheFlagAndUnprivilegedOnesWithIt() {
        var f = SnapshotFixture.domain();
        f.addMember("Domain Admins", f.user("alice").add().dn());
        f.user("radius").flags(Uac.ENCRYPTED_TEXT_PWD_ALLOWED).add();
        assertThat(evaluate(check, f.build())).isEmpty();
    }
}
