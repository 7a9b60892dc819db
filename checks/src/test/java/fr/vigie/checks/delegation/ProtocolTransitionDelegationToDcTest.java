package fr.vigie.checks.delegation;

import static fr.vigie.checks.testing.CheckHarness.evaluate;
import static fr.vigie.checks.testing.CheckHarness.names;
import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.checks.Evidence;
import fr.vigie.checks.testing.SnapshotFixture;
import fr.vigie.snapshot.Uac;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProtocolTransitionDelegationToDcTest {
    private final ProtocolTransitionDelegationToDc check = new ProtocolTransitionDelegationToDc();

    @Test
    void flagsAnAccountWithProtocolTransitionToAnyServiceOfADc() {
        var f = SnapshotFixture.domain();
        f.domainController("DC1").add();
        f.computer("SRV-GED").flags(Uac.TRUSTED_TO_AUTH_FOR_DELEGATION)
                .allowedToDelegateTo("time/DC1", "http/srv-web.ch-test.local").add();
        List<Evidence> found = evaluate(check, f.build());
        assertThat(names(found)).containsExactly("SRV-GED$");
        assertThat(found.get(0).attributes())
                .containsEntry("msDS-AllowedToDelegateTo", "time/DC1")
                .containsEntry("domain controllers", "DC1$");
        assertThat(found.get(0).attributes().get("userAccountControl")).contains("TRUSTED_TO_AUTH_FOR_DELEGATION");
    }

    @Test
    void ignoresKerberosOnlyDelegationWhichTheOtherRuleReports() {
        var f = SnapshotFixture.domain();
        f.domainController("DC1").add();
        f.user("svc-web").allowedToDelegateTo("ldap/dc1.ch-test.local").add();
        assertThat(evaluate(check, f.build())).isEmpty();
    }

    @Test
    void ignoresProtocolTransitionTowardsMemberServersAndDisabledAccounts() {
        var f = SnapshotFixture.domain();
        f.domainController("DC1").add();
        f.user("svc-ok").flags(Uac.TRUSTED_TO_AUTH_FOR_DELEGATION).allowedToDelegateTo("http/srv-web").add();
        f.user("svc-off").flags(Uac.TRUSTED_TO_AUTH_FOR_DELEGATION).disabled().allowedToDelegateTo("cifs/dc1").add();
        assertThat(evaluate(check, f.build())).isEmpty();
    }

    @Test
    void ignoresADcDelegatingToAnotherDc() {
        var f = SnapshotFixture.domain();
        f.domainController("DC1").add();
        f.domainController("DC2").flags(Uac.TRUSTED_TO_AUTH_FOR_DELEGATION).allowedToDelegateTo("cifs/dc1").add();
        assertThat(evaluate(check, f.build())).isEmpty();
    }
}
