package fr.vigie.checks.stale;

import fr.vigie.checks.Check;
import java.util.List;

/** The checks of the 'stale' family, in catalogue order. Rules: ruleset rules/stale.yaml. */
public final class StaleChecks {
    private StaleChecks() {}

    public static List<Check> all() {
        return List.of();
    }
}
