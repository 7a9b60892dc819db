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

class PrivilegedPasswordNeverExpiresTest {
    private final PrivilegedPasswordNeverExpires check = new PrivilegedPasswordNeverExpires();

    @Test
    void flagsADomainAdminWhosePasswordNeverExpires() {
        var f = SnapshotFixture.domain();
        f.addMember("Domain Admins", f.user("svc-backup").flags(Uac.DONT_EXPIRE_PASSWORD).add().dn());
        List<Evidence> found = evaluate(check, f.build());
        assertThat(names(found)).containsExactly("svc-backup");
        assertThat(found.get(0).object()).isEqualTo("CN=svc-backup,CN=Users," + SnapshotFixture.DOMAIN_DN);
        assertThat(found.get(0).attributes().get("userAccountControl")).contains("DONT_EXPIRE_PASSWORD");
        assertThat(found.get(0).attributes().get("privilegedGroups")).isEqualTo("Domain Admins");
    }

    @Test
    void flagsTheBuiltInAdministratorEvenOutsideAnyGroup() {
        var f = SnapshotFixture.domain();
        f.user("Administrator").rid(Sids.RID_ADMINISTRATOR).flags(Uac.DONT_EXPIRE_PASSWORD).add();
        List<Evidence> found = evaluate(check, f.build());
        assertThat(names(found)).containsExactly("Administrator");
        assertThat(found.get(0).attributes().get("privilegedGroups")).contains("RID 500");
    }

    @Test
    void ignoresExpiringAdminsUnprivilegedAndDisabledAccounts() {
        var f = SnapshotFixture.domain();
        f.addMember("Domain Admins", f.user("alice").add().dn());
        f.user("svc-print").flags(Uac.DONT_EXPIRE_PASSWORD).add();
        f.addMember("Domain Admins", f.user("old").flags(Uac.DONT_EXPIRE_PASSWORD).disabled().add().dn());
        assertThat(evaluate(check, f.build())).isEmpty();
    }
}
