package fr.vigie.checks.privileged;

import fr.vigie.checks.Check;
import fr.vigie.checks.CheckContext;
import fr.vigie.checks.Evidence;
import fr.vigie.snapshot.DataSource;
import fr.vigie.snapshot.DirectorySnapshot;
import fr.vigie.snapshot.Sids;
import java.util.List;
import java.util.Set;

/**
 * Enabled accounts (users and managed service accounts) with adminCount=1 that are no longer privileged: former or
 * unofficial administrators. SDProp stopped refreshing their permissions but they keep the protected ACL with
 * inheritance disabled, and they often keep rights granted elsewhere. krbtgt (RID 502), protected by design, is
 * left out.
 */
public final class AdminCountOrphan implements Check {
    @Override
    public String ruleId() {
        return "admincount-orphan";
    }

    @Override
    public Set<DataSource> requires() {
        return Set.of(DataSource.DOMAIN, DataSource.USERS, DataSource.GROUPS);
    }

    @Override
    public List<Evidence> evaluate(DirectorySnapshot snapshot, CheckContext context) {
        return snapshot.accounts().stream()
                .filter(a -> PrivilegedScope.inScope(a) && a.enabled() && a.adminCount() == 1
                        && a.rid() != Sids.RID_KRBTGT && !context.index().isPrivileged(a))
                .map(a -> Evidence.of(a).with("adminCount", a.adminCount())
                        .with("privilegedGroups", "none"))
                .toList();
    }
}
