package fr.vigie.checks.stale;

import fr.vigie.checks.testing.FamilyDefaults;
import org.junit.jupiter.api.Test;

class StaleChecksTest {
    @Test
    void theFixtureDefaultsOfEveryKindOfAccountTriggerNoRuleOfTheFamily() {
        FamilyDefaults.assertNoFindingOnDefaultAccounts(StaleChecks.all());
    }
}
