package fr.vigie.checks.dc;

import static fr.vigie.checks.testing.CheckHarness.evaluate;
import static fr.vigie.checks.testing.CheckHarness.names;
import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.checks.Evidence;
import fr.vigie.checks.testing.SnapshotFixture;
import java.util.List;
import org.junit.jupiter.api.Test;

class FunctionalLevelBelow2016Test {
    private final FunctionalLevelBelow2016 check = new FunctionalLevelBelow2016();

    @Test
    void flagsADomainAt2012R2() {
        List<Evidence> found = evaluate(check, SnapshotFixture.domain().functionalLevels(6, 7).build());
        assertThat(names(found)).containsExactly(SnapshotFixture.DOMAIN_DN);
        assertThat(found.get(0).attributes()).containsEntry("domainFunctionality", "6 (Windows Server 2012 R2)");
    }

    @Test
    void passesAt2016AndAbove() {
        assertThat(evaluate(check, SnapshotFixture.domain().functionalLevels(7, 7).build())).isEmpty();
        assertThat(evaluate(check, SnapshotFixture.domain().functionalLevels(10, 10).build())).isEmpty();
    }
}
