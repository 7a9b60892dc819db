package fr.vigie.checks.stale;

import fr.vigie.checks.Check;
import java.util.List;

/** The checks of the 'stale' family, in catalogue order. Rules: ruleset rules/stale.yaml. */
public final class StaleChecks {
    private StaleChecks() {}

    public static List<Check> all() {
        return List.of(
                new UserDormant(),
                new ComputerDormant(),
                new AccountNeverUsed(),
                new PasswordNotRequired(),
                new ReversibleEncryption(),
                new DesOnly(),
                new NoPreauth(),
                new PasswordNeverExpires(),
                new PrimaryGroupModified(),
                new PrimaryGroupBelow1000(),
                new ObsoleteOsMember());
    }
}
