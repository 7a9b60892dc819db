package fr.vigie.checks.delegation;

import fr.vigie.checks.Check;
import fr.vigie.checks.CheckContext;
import fr.vigie.checks.Evidence;
import fr.vigie.snapshot.Account;
import fr.vigie.snapshot.DataSource;
import fr.vigie.snapshot.DirectorySnapshot;
import fr.vigie.snapshot.Uac;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Enabled accounts other than domain controllers with constrained delegation and protocol transition
 * (TRUSTED_TO_AUTH_FOR_DELEGATION, "use any authentication protocol") towards a service of a domain controller: with
 * S4U2Self the account obtains, without any user taking part, a ticket in the name of any user (a domain admin) for
 * that DC service. Whoever controls the account controls the domain. ANSSI vuln_delegation_t2a4d.
 */
public final class ProtocolTransitionDelegationToDc implements Check {
    @Override
    public String ruleId() {
        return "delegation-protocol-transition-to-dc";
    }

    @Override
    public Set<DataSource> requires() {
        return Set.of(DataSource.USERS, DataSource.COMPUTERS);
    }

    @Override
    public List<Evidence> evaluate(DirectorySnapshot snapshot, CheckContext context) {
        DcSpnTargets targets = new DcSpnTargets(context.index());
        List<Evidence> out = new ArrayList<>();
        for (Account a : snapshot.accounts()) {
            if (a.isDomainController() || !a.enabled() || !a.has(Uac.TRUSTED_TO_AUTH_FOR_DELEGATION)) {
                continue;
            }
            List<String> spns = targets.spnsOnDcs(a);
            if (!spns.isEmpty()) {
                out.add(Evidence.of(a)
                        .with("msDS-AllowedToDelegateTo", String.join(", ", spns))
                        .with("domain controllers", String.join(", ", targets.dcNames(spns)))
                        .with("userAccountControl", Uac.describe(a.userAccountControl())));
            }
        }
        return out;
    }
}
