package fr.vigie.checks.delegation;

import fr.vigie.checks.Check;
import fr.vigie.checks.CheckContext;
import fr.vigie.checks.Evidence;
import fr.vigie.checks.EvidenceValues;
import fr.vigie.snapshot.DataSource;
import fr.vigie.snapshot.DirectorySnapshot;
import fr.vigie.snapshot.Uac;
import java.util.List;
import java.util.Set;

/**
 * Accounts other than domain controllers trusted for unconstrained delegation (TRUSTED_FOR_DELEGATION): whoever
 * controls them collects the TGTs of every user who authenticates to them, domain admins included.
 */
public final class UnconstrainedDelegation implements Check {
    @Override
    public String ruleId() {
        return "delegation-unconstrained";
    }

    @Override
    public Set<DataSource> requires() {
        return Set.of(DataSource.USERS, DataSource.COMPUTERS);
    }

    @Override
    public List<Evidence> evaluate(DirectorySnapshot snapshot, CheckContext context) {
        return snapshot.accounts().stream()
                .filter(a -> a.has(Uac.TRUSTED_FOR_DELEGATION) && !a.isDomainController() && a.enabled())
                .map(a -> Evidence.of(a).with("userAccountControl", EvidenceValues.uac(a)))
                .toList();
    }
}
