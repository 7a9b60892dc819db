package fr.vigie.checks.dc;

import fr.vigie.checks.Check;
import fr.vigie.checks.CheckContext;
import fr.vigie.checks.Evidence;
import fr.vigie.snapshot.Account;
import fr.vigie.snapshot.DataSource;
import fr.vigie.snapshot.DirectorySnapshot;
import java.util.List;
import java.util.Set;

/**
 * Domain controllers whose machine password ({@code pwdLastSet}) is at least {@code maxPasswordAgeDays} old, or was
 * never set. A healthy DC changes it every 30 days; an old one points at a DC restored from an old backup, a broken
 * secure channel or a policy that blocks the change, and leaves a stolen machine secret valid.
 */
public final class DcPasswordOld implements Check {
    @Override
    public String ruleId() {
        return "dc-password-old";
    }

    @Override
    public Set<DataSource> requires() {
        return Set.of(DataSource.COMPUTERS);
    }

    @Override
    public List<Evidence> evaluate(DirectorySnapshot snapshot, CheckContext context) {
        long days = context.threshold("maxPasswordAgeDays");
        return snapshot.computers()
                .filter(a -> a.isDomainController() && context.olderThanDays(a.pwdLastSet(), days))
                .map(a -> Evidence.of(a)
                        .with("pwdLastSet", Dates.describe(a.pwdLastSet(), context))
                        .with("lastLogonTimestamp", Dates.describe(a.lastLogonTimestamp(), context)))
                .toList();
    }
}
