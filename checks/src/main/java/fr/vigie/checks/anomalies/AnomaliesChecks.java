package fr.vigie.checks.anomalies;

import fr.vigie.checks.Check;
import java.util.List;

/** The checks of the 'anomalies' family, in catalogue order. Rules: ruleset rules/anomalies.yaml. */
public final class AnomaliesChecks {
    private AnomaliesChecks() {}

    public static List<Check> all() {
        return List.of(
                new KrbtgtPasswordOld(),
                new GuestEnabled(),
                new DangerousDsHeuristics(),
                new AnonymousPreWindows2000(),
                new LapsAbsent(),
                new LapsPartial(),
                new GroupNestingLoop(),
                new RecycleBinDisabled());
    }
}
