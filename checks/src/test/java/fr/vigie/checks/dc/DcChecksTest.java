package fr.vigie.checks.dc;

import fr.vigie.checks.testing.FamilyDefaults;
import org.junit.jupiter.api.Test;

class DcChecksTest {
    @Test
    void theFixtureDefaultsOfEveryKindOfAccountTriggerNoRuleOfTheFamily() {
        FamilyDefaults.assertNoFindingOnDefaultAccounts(DcChecks.all());
    }
}
