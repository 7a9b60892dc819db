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
 * Domain controllers whose {@code lastLogonTimestamp} is at least {@code inactiveDays} old: a DC that no longer
 * authenticates is down or was removed without cleaning up its objects (metadata cleanup), and may come back with
 * stale data. {@code lastLogonTimestamp} replicates up to 14 days late, hence a threshold well above it. A DC that
 * never logged on counts as inactive only once it is older than the threshold ({@code whenCreated}), so that a DC
 * promoted last week is not reported.
 */
public final class DcInactive implements Check {
    @Override
    public String ruleId() {
        return "dc-inactive";
    }

    @Override
    public Set<DataSource> requires() {
        return Set.of(DataSource.COMPUTERS);
    }

    @Override
    public List<Evidence> evaluate(DirectorySnapshot snapshot, CheckContext context) {
        long days = context.threshold("inactiveDays");
        return snapshot.computers()
                .filter(a -> a.isDomainController() && inactive(a, days, context))
                .map(a -> Evidence.of(a)
                        .with("lastLogonTimestamp", Dates.describe(a.lastLogonTimestamp(), context))
                        .with("pwdLastSet", Dates.describe(a.pwdLastSet(), context))
                        .with("whenCreated", Dates.describe(a.whenCreated(), context)))
                .toList();
    }

    private static boolean inactive(Account dc, long days, CheckContext context) {
        if (dc.lastLogonTimestamp().isPresent()) {
            return context.olderThanDays(dc.lastLogonTimestamp(), days);
        }
        return context.olderThanDays(dc.whenCreated(), days);
    }
}
