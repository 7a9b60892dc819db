package fr.vigie.checks.stale;

import fr.vigie.checks.Check;
import fr.vigie.checks.CheckContext;
import fr.vigie.checks.Evidence;
import fr.vigie.snapshot.ComputerInfo;
import fr.vigie.snapshot.DataSource;
import fr.vigie.snapshot.DirectorySnapshot;
import java.util.List;
import java.util.Set;

/**
 * Enabled computer accounts other than domain controllers with no sign of life for {@code inactiveDays}: not
 * created, not logged on and no machine password change within that period (a live machine changes it every 30
 * days). Domain controllers have their own, stricter rule (dc-inactive).
 */
public final class ComputerDormant implements Check {
    @Override
    public String ruleId() {
        return "computer-dormant";
    }

    @Override
    public Set<DataSource> requires() {
        return Set.of(DataSource.COMPUTERS);
    }

    @Override
    public List<Evidence> evaluate(DirectorySnapshot snapshot, CheckContext context) {
        long days = context.threshold("inactiveDays");
        return snapshot.computers()
                .filter(a -> a.enabled() && !a.isDomainController() && Inactivity.isInactive(a, context, days))
                .map(a -> Evidence.of(a)
                        .with("lastLogonTimestamp", Dates.describe(a.lastLogonTimestamp(), context))
                        .with("pwdLastSet", Dates.describe(a.pwdLastSet(), context))
                        .with("whenCreated", Dates.describe(a.whenCreated(), context))
                        .with("operatingSystem", a.computer().flatMap(ComputerInfo::operatingSystem).orElse("unknown")))
                .toList();
    }
}
