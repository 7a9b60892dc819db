package fr.vigie.checks.stale;

import static fr.vigie.checks.testing.CheckHarness.evaluate;
import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.checks.Check;
import fr.vigie.checks.testing.SnapshotFixture;
import org.junit.jupiter.api.Test;

class StaleChecksTest {
    @Test
    void theFixtureDefaultsOfEveryKindOfAccountTriggerNoRuleOfTheFamily() {
        var f = SnapshotFixture.domain();
        f.user("alice").add();
        f.computer("WKS-01").add();
        f.domainController("DC1").add();
        var snapshot = f.build();
        assertThat(StaleChecks.all()).isNotEmpty();
        for (Check c : StaleChecks.all()) {
            assertThat(evaluate(c, snapshot)).as(c.ruleId()).isEmpty();
        }
    }
}
