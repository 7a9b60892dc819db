package fr.vigie.checks.delegation;

import fr.vigie.checks.Check;
import java.util.List;

/** The checks of the 'delegation' family, in catalogue order. Rules: ruleset rules/delegation.yaml. */
public final class DelegationChecks {
    private DelegationChecks() {}

    public static List<Check> all() {
        return List.of(
                new UnconstrainedDelegation(),
                new ConstrainedDelegationToDc(),
                new ProtocolTransitionDelegationToDc(),
                new ResourceBasedDelegationOnPrivileged());
    }
}
