package fr.vigie.checks.privileged;

import static fr.vigie.checks.testing.CheckHarness.evaluate;
import static fr.vigie.checks.testing.CheckHarness.names;
import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.checks.Evidence;
import fr.vigie.checks.testing.SnapshotFixture;
import fr.vigie.snapshot.Sids;
import fr.vigie.snapshot.Uac;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrivilegedNoPreauthTest {
    private final PrivilegedNoPreauth check = new PrivilegedNoPreauth();

    @Test
    void flagsAnAdminMemberThroughPrimaryGroupWithoutPreauthentication() {
        var f = SnapshotFixture.domain();
        f.user("legacy-admin").primaryGroupId(Sids.RID_DOMAIN_ADMINS).flags(Uac.DONT_REQ_PREAUTH).add();
        List<Evidence> found = evaluate(check, f.build());
        assertThat(names(found)).containsExactly("legacy-admin");
        assertThat(found.get(0).attributes().get("userAccountControl")).contains("DONT_REQ_PREAUTH");
        assertThat(found.get(0).attributes().get("privilegedGroups")).isEqualTo("Domain Admins");
    }

    @Test
    void ignoresAdminsWithPreauthenticationAndUnprivilegedAccounts() {
        var f = SnapshotFixture.domain();
        f.addMember("Domain Admins", f.user("alice").add().dn());
        f.user("scanner").flags(Uac.DONT_REQ_PREAUTH).add();
        assertThat(evaluate(check, f.build())).isEmpty();
    }
}
