package fr.vigie.checks.privileged;

import fr.vigie.checks.Check;
import fr.vigie.checks.CheckContext;
import fr.vigie.checks.Evidence;
import fr.vigie.snapshot.Account;
import fr.vigie.snapshot.DataSource;
import fr.vigie.snapshot.DirectorySnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * More than {@code maxPrivilegedUsers} enabled user objects (users and managed service accounts) are recursive
 * members of the privileged groups: every extra administrator is one more account whose theft gives the domain.
 * The first evidence is the domain with the count and the threshold, then one entry per member with its groups.
 */
public final class PrivilegedGroupSprawl implements Check {
    @Override
    public String ruleId() {
        return "privileged-group-sprawl";
    }

    @Override
    public Set<DataSource> requires() {
        return Set.of(DataSource.DOMAIN, DataSource.USERS, DataSource.GROUPS);
    }

    @Override
    public List<Evidence> evaluate(DirectorySnapshot snapshot, CheckContext context) {
        long max = context.threshold("maxPrivilegedUsers");
        Map<Account, List<String>> members = PrivilegedScope.enabledPrivileged(context);
        if (members.size() <= max) {
            return List.of();
        }
        List<Evidence> out = new ArrayList<>();
        out.add(new Evidence(snapshot.domain().dn(), snapshot.domain().dnsName(), Map.of())
                .with("enabledPrivilegedAccounts", members.size())
                .with("maxPrivilegedUsers", max));
        members.forEach((account, groups) -> out.add(PrivilegedScope.evidence(account, groups)));
        return List.copyOf(out);
    }
}
