package fr.vigie.checks.privileged;

import fr.vigie.checks.Check;
import fr.vigie.checks.CheckContext;
import fr.vigie.checks.Evidence;
import fr.vigie.checks.GroupMembers;
import fr.vigie.snapshot.DataSource;
import fr.vigie.snapshot.DirectorySnapshot;
import fr.vigie.snapshot.Sids;
import java.util.List;
import java.util.Set;

/**
 * Schema Admins (RID 518, present in the forest root domain) has members, directly, through nested groups, through
 * primaryGroupID or as foreign security principals, enabled or not. Schema changes are irreversible and forest-wide:
 * the group should stay empty except during a planned schema update.
 */
public final class SchemaAdminsNotEmpty implements Check {
    @Override
    public String ruleId() {
        return "schema-admins-not-empty";
    }

    @Override
    public Set<DataSource> requires() {
        return Set.of(DataSource.DOMAIN, DataSource.USERS, DataSource.COMPUTERS, DataSource.GROUPS,
                DataSource.FOREIGN_PRINCIPALS);
    }

    @Override
    public List<Evidence> evaluate(DirectorySnapshot snapshot, CheckContext context) {
        return context.index().domainGroup(Sids.RID_SCHEMA_ADMINS)
                .map(g -> GroupMembers.of(context.index(), g).evidence(account -> true))
                .orElse(List.of());
    }
}
