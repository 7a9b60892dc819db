package fr.vigie.checks.dc;

import static fr.vigie.checks.testing.CheckHarness.evaluate;
import static fr.vigie.checks.testing.CheckHarness.names;
import static fr.vigie.checks.testing.SnapshotFixture.daysAgo;
import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.checks.Evidence;
import fr.vigie.checks.testing.SnapshotFixture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DcInactiveTest {
    private final DcInactive check = new DcInactive();

    @Test
    void flagsDomainControllersSilentFor45DaysOrNeverLoggedOn() {
        var f = SnapshotFixture.domain();
        f.domainController("DC-SITE2").lastLogon(daysAgo(45)).add();
        f.domainController("DC-GHOST").lastLogon(null).add();
        List<Evidence> found = evaluate(check, f.build());
        assertThat(names(found)).containsExactly("DC-SITE2$", "DC-GHOST$");
        assertThat(found.get(0).attributes()).containsEntry("lastLogonTimestamp", daysAgo(45) + " (45 days ago)");
        assertThat(found.get(1).attributes()).containsEntry("lastLogonTimestamp", "never");
    }

    @Test
    void ignoresADomainControllerSeen44DaysAgoAndMemberComputers() {
        var f = SnapshotFixture.domain();
        f.domainController("DC1").lastLogon(daysAgo(44)).add();
        f.computer("OLDPC").lastLogon(daysAgo(400)).add();
        assertThat(evaluate(check, f.build())).isEmpty();
        assertThat(names(evaluate(check, f.build(), Map.of("inactiveDays", 44L)))).containsExactly("DC1$");
    }

    @Test
    void aDomainControllerThatNeverLoggedOnIsInactiveOnlyOnceOlderThanTheThreshold() {
        var f = SnapshotFixture.domain();
        f.domainController("DC-NEW").lastLogon(null).whenCreated(daysAgo(44)).add();
        f.domainController("DC-OLD").lastLogon(null).whenCreated(daysAgo(45)).add();
        List<Evidence> found = evaluate(check, f.build());
        assertThat(names(found)).containsExactly("DC-OLD$");
        assertThat(found.get(0).attributes()).containsEntry("whenCreated", daysAgo(45) + " (45 days ago)");
    }
}
