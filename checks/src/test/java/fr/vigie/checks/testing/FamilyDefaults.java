package fr.vigie.checks.testing;

import static fr.vigie.checks.testing.CheckHarness.evaluate;
import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.checks.Check;
import java.util.List;

/** The shared "a healthy fixture triggers no rule of the family" assertion of the family registry tests. */
public final class FamilyDefaults {
    private FamilyDefaults() {}

    /**
     * Asserts that the family is not empty and that none of its checks reports anything on the fixture domain with
     * one default user, one default workstation and one default domain controller.
     */
    public static void assertNoFindingOnDefaultAccounts(List<Check> family) {
        var f = SnapshotFixture.domain();
        f.user("alice").add();
        f.computer("WKS-01").add();
        f.domainController("DC1").add();
        var snapshot = f.build();
        assertThat(family).isNotEmpty();
        for (Check c : family) {
            assertThat(evaluate(c, snapshot)).as(c.ruleId()).isEmpty();
        }
    }
}
