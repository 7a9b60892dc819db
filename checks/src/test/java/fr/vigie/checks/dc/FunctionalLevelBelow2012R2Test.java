package fr.vigie.checks.dc;

import static fr.vigie.checks.testing.CheckHarness.evaluate;
import static fr.vigie.checks.testing.CheckHarness.names;
import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.checks.Evidence;
import fr.vigie.checks.testing.SnapshotFixture;
import java.util.List;
import org.junit.jupiter.api.Test;

class FunctionalLevelBelow2012R2Test {
    private final FunctionalLevelBelow2012R2 check = new FunctionalLevelBelow2012R2();

    @Test
    void flagsAForestAt2012() {
        List<Evidence> found = evaluate(check, SnapshotFixture.domain().functionalLevels(6, 5).build());
        assertThat(names(found)).containsExactly("CN=Partitions," + SnapshotFixture.CONFIG_DN);
        assertThat(found.get(0).attributes())
                .containsEntry("forestFunctionality", "5 (Windows Server 2012)")
                .containsEntry("required", ">= 6 (Windows Server 2012 R2)");
    }

    @Test
    void passesAt2012R2() {
        assertThat(evaluate(check, SnapshotFixture.domain().functionalLevels(6, 6).build())).isEmpty();
    }
}
