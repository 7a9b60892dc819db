package fr.vigie.checks.stale;

import static fr.vigie.checks.testing.CheckHarness.evaluate;
import static fr.vigie.checks.testing.CheckHarness.names;
import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.checks.Evidence;
import fr.vigie.checks.testing.SnapshotFixture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ObsoleteOsMemberTest {
    private final ObsoleteOsMember check = new ObsoleteOsMember();

    @Test
    void flagsComputersRunningAnEndOfSupportWindows() {
        var f = SnapshotFixture.domain();
        f.computer("ECG-01").computer("Windows 7 Professional", "6.1 (7601)", false).add();
        f.computer("SRV-PACS").computer("Windows Server 2012 R2 Standard", "6.3 (9600)", false).add();
        f.computer("SRV-LAB").computer("Windows Server® 2008 Standard", "6.0 (6002)", false).add();
        f.computer("KIOSK").computer("WINDOWS XP PROFESSIONAL", "5.1 (2600)", false).add();
        f.computer("TAB").computer("Windows 8.1 Pro", "6.3 (9600)", false).add();
        List<Evidence> found = evaluate(check, f.build());
        assertThat(names(found)).containsExactly("ECG-01$", "SRV-PACS$", "SRV-LAB$", "KIOSK$", "TAB$");
        assertThat(found.get(0).attributes())
                .containsEntry("operatingSystem", "Windows 7 Professional")
                .containsEntry("operatingSystemVersion", "6.1 (7601)")
                .containsEntry("matchedPattern", "Windows 7");
        assertThat(found.get(1).attributes()).containsEntry("matchedPattern", "Server 2012");
    }

    @Test
    void ignoresSupportedSystemsDomainControllersDisabledComputersAndUnknownSystems() {
        var f = SnapshotFixture.domain();
        f.computer("WKS").add();
        f.computer("WKS11").computer("Windows 11 Pro", "10.0 (22631)", true).add();
        f.computer("SRV").computer("Windows Server 2016 Standard", "10.0 (14393)", true).add();
        f.computer("SRV19").computer("Windows Server 2019 Standard", "10.0 (17763)", true).add();
        f.domainController("DC-OLD").computer("Windows Server 2012 R2 Standard", "6.3 (9600)", false).add();
        f.computer("XP-GONE").computer("Windows XP Professional", "5.1 (2600)", false).disabled().add();
        f.computer("NAS").computer(null, null, false).add();
        assertThat(evaluate(check, f.build())).isEmpty();
    }

    @Test
    void thePatternListIsTheSiteThreshold() {
        var f = SnapshotFixture.domain();
        f.computer("WKS").add();
        var found = evaluate(check, f.build(), Map.of("obsoleteOsPatterns", List.of("windows 10")));
        assertThat(names(found)).containsExactly("WKS$");
    }
}
