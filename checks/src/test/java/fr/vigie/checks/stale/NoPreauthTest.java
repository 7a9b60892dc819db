package fr.vigie.checks.stale;

import static fr.vigie.checks.testing.CheckHarness.evaluate;
import static fr.vigie.checks.testing.CheckHarness.names;
import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.checks.Evidence;
import fr.vigie.checks.testing.SnapshotFixture;
import fr.vigie.snapshot.Uac;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoPreauthTest {
    private final NoPreauth check = new NoPreauth();

    @Test
    void flagsEnabledUsersAndComputersWithTheFlag() {
        var f = SnapshotFixture.domain();
        f.user("svc-lab").flags(Uac.DONT_REQ_PREAUTH).add();
        f.computer("SRV-RIS").flags(Uac.DONT_REQ_PREAUTH).add();
        List<Evidence> found = evaluate(check, f.build());
        assertThat(names(found)).containsExactly("svc-lab", "SRV-RIS$");
        assertThat(found.get(0).attributes().get("userAccountControl")).contains("DONT_REQ_PREAUTH");
    }

    @Test
    void ignoresDisabledAccountsAndAccountsWithoutTheFlag() {
        var f = SnapshotFixture.domain();
        f.user("old").flags(Uac.DONT_REQ_PREAUTH).disabled().add();
        f.user("alice").add();
        f.computer("WKS").add();
        f.domainController("DC1").add();
        assertThat(evaluate(check, f.build())).isEmpty();
    }
}
