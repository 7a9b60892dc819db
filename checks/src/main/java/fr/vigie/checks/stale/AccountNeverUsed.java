package fr.vigie.checks.stale;

import fr.vigie.checks.Check;
import fr.vigie.checks.CheckContext;
import fr.vigie.checks.Evidence;
import fr.vigie.checks.EvidenceValues;
import fr.vigie.snapshot.DataSource;
import fr.vigie.snapshot.DirectorySnapshot;
import java.util.List;
import java.util.Set;

/**
 * Enabled user accounts that never logged on (no {@code lastLogonTimestamp}) although they were created at least
 * {@code graceDays} ago: accounts created "just in case" or never handed over, often with an initial password that
 * others know. A missing {@code whenCreated} counts as old.
 */
public final class AccountNeverUsed implements Check {
    @Override
    public String ruleId() {
        return "account-never-used";
    }

    @Override
    public Set<DataSource> requires() {
        return Set.of(DataSource.USERS);
    }

    @Override
    public List<Evidence> evaluate(DirectorySnapshot snapshot, CheckContext context) {
        long grace = context.threshold("graceDays");
        return snapshot.users()
                .filter(a -> a.enabled() && !a.isTrustAccount() && a.lastLogonTimestamp().isEmpty()
                        && context.olderThanDays(a.whenCreated(), grace))
                .map(a -> Evidence.of(a)
                        .with("lastLogonTimestamp", EvidenceValues.dateWithAge(a.lastLogonTimestamp(), context))
                        .with("whenCreated", EvidenceValues.dateWithAge(a.whenCreated(), context))
                        .with("pwdLastSet", EvidenceValues.dateWithAge(a.pwdLastSet(), context)))
                .toList();
    }
}
