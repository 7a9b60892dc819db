package fr.vigie.checks.stale;

import static fr.vigie.checks.testing.CheckHarness.evaluate;
import static fr.vigie.checks.testing.CheckHarness.names;
import static fr.vigie.checks.testing.SnapshotFixture.daysAgo;
import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.checks.Evidence;
import fr.vigie.checks.testing.SnapshotFixture;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComputerDormantTest {
    private final ComputerDormant check = new ComputerDormant();

    @Test
    void flagsAnEnabledComputerSilentFor180Days() {
        var f = SnapshotFixture.domain();
        f.computer("WKS-URG-01").lastLogon(daysAgo(180)).pwdLastSet(daysAgo(180)).add();
        List<Evidence> found = evaluate(check, f.build());
        assertThat(names(found)).containsExactly("WKS-URG-01$");
        assertThat(found.get(0).attributes())
                .containsEntry("lastLogonTimestamp", daysAgo(180) + " (180 days ago)")
                .containsEntry("operatingSystem", "Windows 10 Enterprise");
    }

    @Test
    void aComputerActive179DaysAgoIsNotDormant() {
        var f = SnapshotFixture.domain();
        f.computer("WKS-A").lastLogon(daysAgo(179)).pwdLastSet(daysAgo(300)).add();
        f.computer("WKS-B").lastLogon(daysAgo(300)).pwdLastSet(daysAgo(179)).add();
        f.computer("WKS-C").add();
        assertThat(evaluate(check, f.build())).isEmpty();
    }

    @Test
    void ignoresDomainControllersDisabledComputersAndUsers() {
        var f = SnapshotFixture.domain();
        f.domainController("DC-OLD").lastLogon(daysAgo(400)).pwdLastSet(daysAgo(400)).add();
        f.computer("SCRAPPED").lastLogon(daysAgo(400)).pwdLastSet(daysAgo(400)).disabled().add();
        f.user("someone").lastLogon(daysAgo(400)).pwdLastSet(daysAgo(400)).add();
        assertThat(evaluate(check, f.build())).isEmpty();
    }
}
