package fr.vigie.checks.stale;

import static fr.vigie.checks.testing.CheckHarness.evaluate;
import static fr.vigie.checks.testing.CheckHarness.names;
import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.checks.Evidence;
import fr.vigie.checks.testing.SnapshotFixture;
import fr.vigie.snapshot.Uac;
import java.util.List;
import org.junit.jupiter.api.Test;

class PasswordNotRequiredTest {
    private final PasswordNotRequired check = new PasswordNotRequired();

    @Test
    void flagsEnabledUsersAndComputersWithTheFlag() {
        var f = SnapshotFixture.domain();
        f.user("svc-lab").flags(Uac.PASSWD_NOTREQD).add();
        f.computer("SRV-RIS").flags(Uac.PASSWD_NOTREQD).add();
        List<Evidence> found = evaluate(check, f.build());
        assertThat(names(found)).containsExactly("svc-lab", "SRV-RIS$");
        assertThat(found.get(0).attributes().get("userAccountControl")).contains("PASSWD_NOTREQD");
    }

    @Test
    void ignoresDisabledAccountsAndAccountsWithoutTheFlag() {
        var f = SnapshotFixture.domain();
        f.user("old").flags(Uac.PASSWD_NOTREQD).disabled().add();
        f.user("alice").add();
        f.computer("WKS").add();
        f.domainController("DC1").add();
        assertThat(evaluate(check, f.build())).isEmpty();
    }

    @Test
    void ignoresInterdomainTrustAccountsWhichCarryTheFlagByDesign() {
        var f = SnapshotFixture.domain();
        f.user("PARTNER$").uac(Uac.INTERDOMAIN_TRUST_ACCOUNT | Uac.PASSWD_NOTREQD).lastLogon(null).add();
        assertThat(evaluate(check, f.build())).isEmpty();
    }
}
