package fr.vigie.checks.delegation;

import static fr.vigie.checks.testing.CheckHarness.evaluate;
import static fr.vigie.checks.testing.CheckHarness.names;
import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.checks.Evidence;
import fr.vigie.checks.testing.SnapshotFixture;
import fr.vigie.snapshot.Uac;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConstrainedDelegationToDcTest {
    private final ConstrainedDelegationToDc check = new ConstrainedDelegationToDc();

    @Test
    void flagsAServiceAccountDelegatingToTheLdapServiceOfADcByFqdn() {
        var f = SnapshotFixture.domain();
        f.domainController("DC1").add();
        f.user("svc-web").allowedToDelegateTo("http/intranet.ch-test.local", "ldap/DC1.ch-test.local/ch-test.local")
                .add();
        List<Evidence> found = evaluate(check, f.build());
        assertThat(names(found)).containsExactly("svc-web");
        assertThat(found.get(0).attributes())
                .containsEntry("msDS-AllowedToDelegateTo", "ldap/DC1.ch-test.local/ch-test.local")
                .containsEntry("domain controllers", "DC1$")
                .containsKey("userAccountControl");
    }

    @Test
    void recognisesTheDcByItsShortNameAndIgnoresThePort() {
        var f = SnapshotFixture.domain();
        f.domainController("DC2").add();
        f.computer("SRV-APP").allowedToDelegateTo("cifs/dc2:445").add();
        assertThat(names(evaluate(check, f.build()))).containsExactly("SRV-APP$");
    }

    @Test
    void ignoresDelegationToMemberServersAndSimilarButDifferentHostNames() {
        var f = SnapshotFixture.domain();
        f.domainController("DC1").add();
        f.user("svc-sql").allowedToDelegateTo("MSSQLSvc/sql1.ch-test.local:1433", "cifs/dc1.other.local",
                "cifs/dc10.ch-test.local", "ldap").add();
        assertThat(evaluate(check, f.build())).isEmpty();
    }

    @Test
    void leavesProtocolTransitionDcsAndDisabledAccountsToOtherRules() {
        var f = SnapshotFixture.domain();
        f.domainController("DC1").add();
        f.domainController("DC2").allowedToDelegateTo("ldap/dc1.ch-test.local").add();
        f.user("svc-t2a4d").flags(Uac.TRUSTED_TO_AUTH_FOR_DELEGATION).allowedToDelegateTo("cifs/dc1").add();
        f.user("svc-old").disabled().allowedToDelegateTo("cifs/dc1").add();
        assertThat(evaluate(check, f.build())).isEmpty();
    }

    @Test
    void spnHostParsing() {
        assertThat(DcSpnTargets.host("ldap/dc1.ch-test.local/ch-test.local")).contains("dc1.ch-test.local");
        assertThat(DcSpnTargets.host("MSSQLSvc/sql1:1433")).contains("sql1");
        assertThat(DcSpnTargets.host("host/dc1.ch-test.local.")).contains("dc1.ch-test.local");
        assertThat(DcSpnTargets.host("nohost")).isEmpty();
        assertThat(DcSpnTargets.host("cifs/")).isEmpty();
    }
}
