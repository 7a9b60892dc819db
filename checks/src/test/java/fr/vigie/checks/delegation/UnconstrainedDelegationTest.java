package fr.vigie.checks.delegation;

import static fr.vigie.checks.testing.CheckHarness.evaluate;
import static fr.vigie.checks.testing.CheckHarness.names;
import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.checks.Evidence;
import fr.vigie.checks.testing.SnapshotFixture;
import fr.vigie.snapshot.Uac;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnconstrainedDelegationTest {
    private final UnconstrainedDelegation check = new UnconstrainedDelegation();

    @Test
    void flagsAMemberServerTrustedForDelegation() {
        var f = SnapshotFixture.domain();
        f.computer("SRV-PACS").flags(Uac.TRUSTED_FOR_DELEGATION).add();
        List<Evidence> found = evaluate(check, f.build());
        assertThat(names(found)).containsExactly("SRV-PACS$");
        assertThat(found.get(0).attributes().get("userAccountControl")).contains("TRUSTED_FOR_DELEGATION");
    }

    @Test
    void ignoresDomainControllersAndDisabledAccounts() {
        var f = SnapshotFixture.domain();
        f.domainController("DC1").add();
        f.computer("OLD").flags(Uac.TRUSTED_FOR_DELEGATION).disabled().add();
        f.computer("WKS").add();
        assertThat(evaluate(check, f.build())).isEmpty();
    }
}
