package fr.vigie.checks.delegation;

import fr.vigie.checks.Check;
import fr.vigie.checks.CheckContext;
import fr.vigie.checks.Evidence;
import fr.vigie.checks.EvidenceValues;
import fr.vigie.snapshot.Account;
import fr.vigie.snapshot.DataSource;
import fr.vigie.snapshot.DirectorySnapshot;
import fr.vigie.snapshot.Uac;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The checks "enabled accounts other than domain controllers whose {@code msDS-AllowedToDelegateTo} designates a
 * service of a domain controller" ({@link DcSpnTargets}), split by protocol transition
 * (TRUSTED_TO_AUTH_FOR_DELEGATION): each subclass names its rule and which side it reports. Evidence: the account,
 * the SPNs on DCs, the DCs and its userAccountControl, in snapshot order. Stateless; subclasses must be too.
 */
abstract class DelegationToDc implements Check {
    /** For {@link #DelegationToDc(boolean)}: report the accounts with TRUSTED_TO_AUTH_FOR_DELEGATION. */
    static final boolean WITH_PROTOCOL_TRANSITION = true;
    /** For {@link #DelegationToDc(boolean)}: report the accounts without TRUSTED_TO_AUTH_FOR_DELEGATION. */
    static final boolean WITHOUT_PROTOCOL_TRANSITION = false;

    private final boolean protocolTransition;

    /**
     * @param protocolTransition {@link #WITH_PROTOCOL_TRANSITION} or {@link #WITHOUT_PROTOCOL_TRANSITION}: which
     *                           accounts the check reports
     */
    DelegationToDc(boolean protocolTransition) {
        this.protocolTransition = protocolTransition;
    }

    @Override
    public final Set<DataSource> requires() {
        return Set.of(DataSource.USERS, DataSource.COMPUTERS);
    }

    @Override
    public final List<Evidence> evaluate(DirectorySnapshot snapshot, CheckContext context) {
        DcSpnTargets targets = new DcSpnTargets(context.index());
        List<Evidence> out = new ArrayList<>();
        for (Account a : snapshot.accounts()) {
            if (a.isDomainController() || !a.enabled()
                    || a.has(Uac.TRUSTED_TO_AUTH_FOR_DELEGATION) != protocolTransition) {
                continue;
            }
            List<String> spns = targets.spnsOnDcs(a);
            if (!spns.isEmpty()) {
                out.add(Evidence.of(a)
                        .with("msDS-AllowedToDelegateTo", String.join(", ", spns))
                        .with("domain controllers", String.join(", ", targets.dcNames(spns)))
                        .with("userAccountControl", EvidenceValues.uac(a)));
            }
        }
        return out;
    }
}
