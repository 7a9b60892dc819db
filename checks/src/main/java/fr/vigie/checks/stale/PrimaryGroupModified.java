package fr.vigie.checks.stale;

import fr.vigie.checks.Check;
import fr.vigie.checks.CheckContext;
import fr.vigie.checks.Evidence;
import fr.vigie.snapshot.DataSource;
import fr.vigie.snapshot.DirectorySnapshot;
import java.util.List;
import java.util.Set;

/**
 * Accounts (enabled or not) whose {@code primaryGroupID} is not the default for their kind
 * ({@link PrimaryGroups#defaults}). Membership through the primary group does not appear in the group's
 * {@code member} list, so it hides from most reviews; a disabled account keeps it for the day it is re-enabled.
 */
public final class PrimaryGroupModified implements Check {
    @Override
    public String ruleId() {
        return "primary-group-modified";
    }

    @Override
    public Set<DataSource> requires() {
        return Set.of(DataSource.USERS, DataSource.COMPUTERS);
    }

    @Override
    public List<Evidence> evaluate(DirectorySnapshot snapshot, CheckContext context) {
        return snapshot.accounts().stream()
                .filter(a -> !PrimaryGroups.defaults(a).contains(a.primaryGroupId()))
                .map(a -> PrimaryGroups.evidence(a, context.index()))
                .toList();
    }
}
