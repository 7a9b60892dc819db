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
 * Enabled privileged accounts whose credentials can be delegated: neither NOT_DELEGATED ("Account is sensitive and
 * cannot be delegated") nor a recursive member of Protected Users (RID 525). A server trusted for delegation they
 * log on to can then act as them anywhere in the domain.
 */
public final class PrivilegedDelegable implements Check {
    @Override
    public String ruleId() {
        return "privileged-delegable";
    }

    @Override
    public Set<DataSource> requires() {
        return Set.of(DataSource.DOMAIN, DataSource.USERS, DataSource.GROUPS);
    }

    @Override
    public List<Evidence> evaluate(DirectorySnapshot snapshot, CheckContext context) {
        return PrivilegedScope.enabledPrivileged(context).entrySet().stream()
                .filter(e -> !e.getKey().has(Uac.NOT_DELEGATED)
                        && !context.index().isMemberOfDomainGroup(e.getKey(), Sids.RID_PROTECTED_USERS))
                .map(e -> PrivilegedScope.evidence(e.getKey(), e.getValue())
                        .with("userAccountControl", Uac.describe(e.getKey().userAccountControl()))
                        .with("protectedUsers", "not a member"))
                .toList();
    }
}
