package fr.vigie.checks.trusts;

import fr.vigie.checks.Check;
import java.util.List;

/** The checks of the 'trusts' family, in catalogue order. Rules: ruleset rules/trusts.yaml. */
public final class TrustsChecks {
    private TrustsChecks() {}

    public static List<Check> all() {
        return List.of(
                new SidFilteringDisabled(),
                new ForestTrustSidHistory(),
                new TrustTgtDelegation(),
                new SidHistoryPresent(),
                new DangerousSidHistory());
    }
}
