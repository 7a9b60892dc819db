package fr.vigie.checks.stale;

import fr.vigie.checks.Check;
import fr.vigie.checks.CheckContext;
import fr.vigie.checks.Evidence;
import fr.vigie.snapshot.DataSource;
import fr.vigie.snapshot.DirectorySnapshot;
import java.util.List;
import java.util.Set;

/**
 * Enabled user accounts with no sign of life for {@code inactiveDays}: not created, not logged on and no password
 * change within that period. Forgotten accounts of people who left keep their access and are easy prey.
 */
public final class UserDormant implements Check {
    @Override
    public String ruleId() {
        return "user-dormant";
    }

    @Override
    public Set<DataSource> requires() {
        return Set.of(DataSource.USERS);
    }

    @Override
    public List<Evidence> evaluate(DirectorySnapshot snapshot, CheckContext context) {
        long days = context.threshold("inactiveDays");
        return snapshot.users()
                .filter(a -> a.enabled() && Inactivity.isInactive(a, context, days))
                .map(a -> Evidence.of(a)
                        .with("lastLogonTimestamp", Dates.describe(a.lastLogonTimestamp(), context))
                        .with("pwdLastSet", Dates.describe(a.pwdLastSet(), context))
                        .with("whenCreated", Dates.describe(a.whenCreated(), context)))
                .toList();
    }
}
