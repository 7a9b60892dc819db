package fr.vigie.checks.dc;

import static fr.vigie.checks.testing.CheckHarness.evaluate;
import static fr.vigie.checks.testing.CheckHarness.names;
import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.checks.Check;
import fr.vigie.checks.Evidence;
import fr.vigie.checks.testing.SnapshotFixture;
import java.util.List;
import org.junit.jupiter.api.Test;

class FunctionalLevelObsoleteTest {
    private final FunctionalLevelObsolete check = new FunctionalLevelObsolete();

    @Test
    void flagsADomainAt2003() {
        List<Evidence> found = evaluate(check, SnapshotFixture.domain().functionalLevels(2, 7).build());
        assertThat(names(found)).containsExactly(SnapshotFixture.DOMAIN_DN);
        assertThat(found.get(0).attributes())
                .containsEntry("domainFunctionality", "2 (Windows Server 2003)")
                .containsEntry("required", ">= 3 (Windows Server 2008)");
    }

    @Test
    void flagsTheForestAndTheDomainSeparately() {
        List<Evidence> found = evaluate(check, SnapshotFixture.domain().functionalLevels(0, 2).build());
        assertThat(names(found)).containsExactly(SnapshotFixture.DOMAIN_DN, "CN=Partitions," + SnapshotFixture.CONFIG_DN);
        assertThat(found.get(0).attributes()).containsEntry("domainFunctionality", "0 (Windows 2000)");
        assertThat(found.get(1).attributes()).containsEntry("forestFunctionality", "2 (Windows Server 2003)");
    }

    @Test
    void passesAt2008() {
        assertThat(evaluate(check, SnapshotFixture.domain().functionalLevels(3, 3).build())).isEmpty();
    }

    @Test
    void aWindows2003DomainFailsAllThreeGradesOfTheCheckpoint() {
        var snapshot = SnapshotFixture.domain().functionalLevels(2, 2).build();
        for (Check c : List.of(check, new FunctionalLevelBelow2012R2(), new FunctionalLevelBelow2016())) {
            assertThat(evaluate(c, snapshot)).as(c.ruleId()).hasSize(2);
        }
    }
}
