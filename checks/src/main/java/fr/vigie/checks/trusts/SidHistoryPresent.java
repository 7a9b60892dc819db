package fr.vigie.checks.trusts;

import fr.vigie.checks.Check;
import fr.vigie.checks.CheckContext;
import fr.vigie.checks.Evidence;
import fr.vigie.snapshot.DataSource;
import fr.vigie.snapshot.DirectorySnapshot;
import java.util.List;
import java.util.Set;

/**
 * Accounts with a {@code sIDHistory}: left over from a migration, each value gives the account the rights of another
 * (possibly privileged, possibly deleted) identity and hides them from reviews of group membership.
 * ANSSI vuln_sidhistory_present.
 */
public final class SidHistoryPresent implements Check {
    @Override
    public String ruleId() {
        return "sid-history-present";
    }

    @Override
    public Set<DataSource> requires() {
        return Set.of(DataSource.USERS, DataSource.COMPUTERS);
    }

    @Override
    public List<Evidence> evaluate(DirectorySnapshot snapshot, CheckContext context) {
        return snapshot.accounts().stream()
                .filter(a -> !a.sidHistory().isEmpty())
                .map(a -> Evidence.of(a).with("sIDHistory", String.join(", ", a.sidHistory())))
                .toList();
    }
}
