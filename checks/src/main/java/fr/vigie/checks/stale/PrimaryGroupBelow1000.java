package fr.vigie.checks.stale;

import fr.vigie.checks.Check;
import fr.vigie.checks.CheckContext;
import fr.vigie.checks.Evidence;
import fr.vigie.snapshot.Account;
import fr.vigie.snapshot.DataSource;
import fr.vigie.snapshot.DirectorySnapshot;
import fr.vigie.snapshot.Sids;
import java.util.List;
import java.util.Set;

/**
 * Accounts (enabled or not) whose {@code primaryGroupID} points at a built-in group (RID below 1000) that is neither
 * their default ({@link PrimaryGroups#defaults}) nor one of the unprivileged Domain Users (513), Domain Guests (514)
 * or Domain Computers (515): e.g. a user with 512 is a hidden Domain Admin, a member server with 516 a hidden domain
 * controller able to replicate every password. Such accounts also fail primary-group-modified.
 */
public final class PrimaryGroupBelow1000 implements Check {
    private static final Set<Integer> UNPRIVILEGED =
            Set.of(Sids.RID_DOMAIN_USERS, Sids.RID_DOMAIN_GUESTS, Sids.RID_DOMAIN_COMPUTERS);

    @Override
    public String ruleId() {
        return "primary-group-below-1000";
    }

    @Override
    public Set<DataSource> requires() {
        return Set.of(DataSource.USERS, DataSource.COMPUTERS);
    }

    @Override
    public List<Evidence> evaluate(DirectorySnapshot snapshot, CheckContext context) {
        return snapshot.accounts().stream()
                .filter(PrimaryGroupBelow1000::privilegedPrimaryGroup)
                .map(a -> PrimaryGroups.evidence(a, context.index()))
                .toList();
    }

    private static boolean privilegedPrimaryGroup(Account a) {
        int id = a.primaryGroupId();
        return id < 1000 && !UNPRIVILEGED.contains(id) && !PrimaryGroups.defaults(a).contains(id);
    }
}
