package fr.vigie.checks.delegation;

import static fr.vigie.checks.testing.CheckHarness.evaluate;
import static fr.vigie.checks.testing.CheckHarness.names;
import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.checks.Evidence;
import fr.vigie.checks.testing.SnapshotFixture;
import fr.vigie.snapshot.Sids;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResourceBasedDelegationOnPrivilegedTest {
    private final ResourceBasedDelegationOnPrivileged check = new ResourceBasedDelegationOnPrivileged();

    @Test
    void flagsADcWithRbcdAndNamesTheResolvablePrincipals() {
        var f = SnapshotFixture.domain();
        var attacker = f.computer("EVIL").add();
        String unknown = Sids.of(SnapshotFixture.DOMAIN_SID, 9999);
        f.domainController("DC1").allowedToActOnBehalfOf(attacker.sid(), unknown).add();
        List<Evidence> found = evaluate(check, f.build());
        assertThat(names(found)).containsExactly("DC1$");
        assertThat(found.get(0).attributes())
                .containsEntry("msDS-AllowedToActOnBehalfOfOtherIdentity",
                        attacker.sid() + " (EVIL$), " + unknown)
                .containsEntry("why sensitive", "domain controller");
    }

    @Test
    void flagsAPrivilegedAccountAndSaysWhyItIsPrivileged() {
        var f = SnapshotFixture.domain();
        var web = f.computer("SRV-WEB").add();
        var admin = f.user("adm-jdupont").allowedToActOnBehalfOf(web.sid()).add();
        f.addMember("Domain Admins", admin.dn());
        List<Evidence> found = evaluate(check, f.build());
        assertThat(names(found)).containsExactly("adm-jdupont");
        assertThat(found.get(0).attributes().get("why sensitive")).isEqualTo("member of Domain Admins");
    }

    @Test
    void ignoresRbcdOnOrdinaryServersAndPrivilegedAccountsWithoutIt() {
        var f = SnapshotFixture.domain();
        var web = f.computer("SRV-WEB").add();
        f.computer("SRV-APP").allowedToActOnBehalfOf(web.sid()).add();
        var admin = f.user("adm-jdupont").add();
        f.addMember("Domain Admins", admin.dn());
        f.domainController("DC1").add();
        assertThat(evaluate(check, f.build())).isEmpty();
    }

    @Test
    void ignoresADisabledPrivilegedAccount() {
        var f = SnapshotFixture.domain();
        var web = f.computer("SRV-WEB").add();
        var admin = f.user("adm-old").disabled().allowedToActOnBehalfOf(web.sid()).add();
        f.addMember("Domain Admins", admin.dn());
        assertThat(evaluate(check, f.build())).isEmpty();
    }
}
