package fr.vigie.checks.delegation;

import fr.vigie.checks.Check;
import fr.vigie.checks.CheckContext;
import fr.vigie.checks.Evidence;
import fr.vigie.checks.index.DirectoryIndex;
import fr.vigie.snapshot.Account;
import fr.vigie.snapshot.DataSource;
import fr.vigie.snapshot.DirectorySnapshot;
import fr.vigie.snapshot.Group;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Enabled domain controllers and privileged accounts carrying resource-based constrained delegation
 * ({@code msDS-AllowedToActOnBehalfOfOtherIdentity}): each principal it lists can obtain tickets in the name of any
 * user towards the services of that DC or privileged account. ANSSI vuln_delegation_sourcedeleg.
 */
public final class ResourceBasedDelegationOnPrivileged implements Check {
    @Override
    public String ruleId() {
        return "delegation-rbcd-on-privileged";
    }

    @Override
    public Set<DataSource> requires() {
        return Set.of(DataSource.USERS, DataSource.COMPUTERS, DataSource.GROUPS);
    }

    @Override
    public List<Evidence> evaluate(DirectorySnapshot snapshot, CheckContext context) {
        DirectoryIndex index = context.index();
        List<Evidence> out = new ArrayList<>();
        for (Account a : snapshot.accounts()) {
            if (a.allowedToActOnBehalfOf().isEmpty() || !a.enabled()) {
                continue;
            }
            boolean dc = a.isDomainController();
            if (!dc && !index.isPrivileged(a)) {
                continue;
            }
            List<String> principals = a.allowedToActOnBehalfOf().stream().map(sid -> withName(sid, index)).toList();
            out.add(Evidence.of(a)
                    .with("msDS-AllowedToActOnBehalfOfOtherIdentity", String.join(", ", principals))
                    .with("why sensitive", dc ? "domain controller"
                            : "member of " + String.join(", ", index.privilegedAccounts().get(a))));
        }
        return out;
    }

    /** {@code SID (name)} when the SID is an account or group of the snapshot, the bare SID otherwise. */
    static String withName(String sid, DirectoryIndex index) {
        Optional<String> name = index.accountBySid(sid).map(Account::samAccountName)
                .or(() -> index.groupBySid(sid).map(Group::samAccountName));
        return name.map(n -> sid + " (" + n + ")").orElse(sid);
    }
}
