package fr.vigie.checks.dc;

import static fr.vigie.checks.testing.CheckHarness.evaluate;
import static fr.vigie.checks.testing.CheckHarness.names;
import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.checks.Evidence;
import fr.vigie.checks.testing.SnapshotFixture;
import fr.vigie.snapshot.Sids;
import fr.vigie.snapshot.Uac;
import java.util.List;
import org.junit.jupiter.api.Test;

class DcObsoleteOsTest {
    private final DcObsoleteOs check = new DcObsoleteOs();

    @Test
    void flagsDomainControllersOnAnEndOfSupportWindowsServer() {
        var f = SnapshotFixture.domain();
        f.domainController("DC2012").computer("Windows Server 2012 R2 Datacenter", "6.3 (9600)", false).add();
        f.domainController("DC2008").computer("Windows Server 2008 R2 Standard", "6.1 (7601)", false).add();
        f.computer("RODC03").uac(Uac.WORKSTATION_TRUST_ACCOUNT | Uac.PARTIAL_SECRETS_ACCOUNT)
                .primaryGroupId(Sids.RID_READONLY_DOMAIN_CONTROLLERS)
                .computer("Windows Server 2003", "5.2 (3790)", false).add();
        List<Evidence> found = evaluate(check, f.build());
        assertThat(names(found)).containsExactly("DC2012$", "DC2008$", "RODC03$");
        assertThat(found.get(0).attributes())
                .containsEntry("operatingSystem", "Windows Server 2012 R2 Datacenter")
                .containsEntry("operatingSystemVersion", "6.3 (9600)")
                .containsEntry("matchedPattern", "Server 2012");
    }

    @Test
    void ignoresSupportedDomainControllersAndMemberServers() {
        var f = SnapshotFixture.domain();
        f.domainController("DC1").add();
        f.domainController("DC2").computer("Windows Server 2016 Standard", "10.0 (14393)", false).add();
        f.computer("SRV-OLD").computer("Windows Server 2008 R2 Standard", "6.1 (7601)", false).add();
        assertThat(evaluate(check, f.build())).isEmpty();
    }
}
