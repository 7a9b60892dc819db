package fr.vigie.checks.dc;

import fr.vigie.checks.Check;
import java.util.List;

/** The checks of the 'dc' family, in catalogue order. Rules: ruleset rules/dc.yaml. */
public final class DcChecks {
    private DcChecks() {}

    public static List<Check> all() {
        return List.of(
                new DcObsoleteOs(),
                new DcPasswordOld(),
                new DcInactive(),
                new MachineAccountQuota(),
                new FunctionalLevelObsolete(),
                new FunctionalLevelBelow2012R2(),
                new FunctionalLevelBelow2016());
    }
}
