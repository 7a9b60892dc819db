package fr.vigie.checks.anomalies;

import static fr.vigie.checks.testing.CheckHarness.evaluate;
import static fr.vigie.checks.testing.CheckHarness.names;
import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.checks.testing.SnapshotFixture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LapsPartialTest {
    private final LapsPartial check = new LapsPartial();

    /** Ten Windows computers, the first {@code uncovered} of them without a LAPS password. */
    private static SnapshotFixture tenComputers(int uncovered) {
        var f = SnapshotFixture.domain();
        for (int i = 0; i < 10; i++) {
            f.computer("PC" + i).computer("Windows 11 Enterprise", "10.0 (22631)", i >= uncovered).add();
        }
        return f;
    }

    @Test
    void flagsEachComputerWithoutALapsPassword() {
        var found = evaluate(check, tenComputers(2).build());
        assertThat(names(found)).containsExactly("PC0$", "PC1$");
        assertThat(found.get(0).attributes())
                .containsEntry("operatingSystem", "Windows 11 Enterprise")
                .containsEntry("coverage", "8 of 10 computers managed by LAPS");
    }

    @Test
    void passesWhenEveryComputerIsCovered() {
        assertThat(evaluate(check, tenComputers(0).build())).isEmpty();
    }

    @Test
    void thresholdEdgeTenPercentUncoveredPassesAt10AndFailsAt9() {
        assertThat(evaluate(check, tenComputers(1).build(), Map.of("maxUncoveredPercent", 10L))).isEmpty();
        assertThat(evaluate(check, tenComputers(1).build(), Map.of("maxUncoveredPercent", 9L))).hasSize(1);
    }

    @Test
    void ignoresDcsDisabledAndNonWindowsComputersByDefault() {
        var f = SnapshotFixture.domain();
        f.domainController("DC1").add();
        f.computer("PC-OLD").computer("Windows 7 Professional", "6.1 (7601)", false).disabled().add();
        f.computer("NAS").computer("Linux", null, false).add();
        f.computer("PC1").add();
        assertThat(evaluate(check, f.build())).isEmpty();
        assertThat(names(evaluate(check, f.build(), Map.of("operatingSystems", List.of()))))
                .containsExactly("NAS$");
    }

    @Test
    void passesWhenLapsIsNotInstalledBecauseLapsAbsentReportsIt() {
        var f = tenComputers(10).lapsSchema(false, false);
        assertThat(evaluate(check, f.build())).isEmpty();
        assertThat(evaluate(check, f.lapsSchema(true, false).build())).hasSize(10);
    }
}
