package fr.vigie.checks.privileged;

import fr.vigie.checks.Check;
import fr.vigie.checks.CheckContext;
import fr.vigie.checks.Evidence;
import fr.vigie.snapshot.DataSource;
import fr.vigie.snapshot.DirectorySnapshot;
import fr.vigie.snapshot.Sids;
import fr.vigie.snapshot.Uac;
import java.util.List;
import java.util.Set;

/**
 * Disabled accounts (users and managed service accounts) still recursive members of privileged groups: re-enabling
 * one, which takes a single attribute change, gives back full rights without any group change to notice. The
 * built-in Administrator (RID 500) is left out: disabling it while it stays in Administrators is the recommended
 * practice.
 */
public final class PrivilegedDisabledMember implements Check {
    @Override
    public String ruleId() {
        return "privileged-disabled-member";
    }

    @Override
    public Set<DataSource> requires() {
        return Set.of(DataSource.DOMAIN, DataSource.USERS, DataSource.GROUPS);
    }

    @Override
    public List<Evidence> evaluate(DirectorySnapshot snapshot, CheckContext context) {
        return context.index().privilegedAccounts().entrySet().stream()
                .filter(e -> PrivilegedScope.inScope(e.getKey()) && !e.getKey().enabled()
                        && e.getKey().rid() != Sids.RID_ADMINISTRATOR)
                .map(e -> PrivilegedScope.evidence(e.getKey(), e.getValue())
                        .with("userAccountControl", Uac.describe(e.getKey().userAccountControl())))
                .toList();
    }
}
