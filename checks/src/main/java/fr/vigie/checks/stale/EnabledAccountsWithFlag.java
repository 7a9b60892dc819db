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
 * The checks "enabled accounts (users, computers, service accounts) carrying one userAccountControl flag": each
 * subclass names its rule and its flag, nothing else. Evidence: the account and its userAccountControl, in snapshot
 * order. Interdomain trust accounts are skipped (see {@link fr.vigie.snapshot.Account#isTrustAccount()}).
 * Stateless; subclasses must be too.
 */
abstract class EnabledAccountsWithFlag implements Check {
    private final int flag;

    /** @param flag the {@link fr.vigie.snapshot.Uac} bit that makes an enabled account a finding */
    EnabledAccountsWithFlag(int flag) {
        this.flag = flag;
    }

    @Override
    public final Set<DataSource> requires() {
        return Set.of(DataSource.USERS, DataSource.COMPUTERS);
    }

    @Override
    public final List<Evidence> evaluate(DirectorySnapshot snapshot, CheckContext context) {
        return snapshot.accounts().stream()
                .filter(a -> a.enabled() && a.has(flag) && !a.isTrustAccount())
                .map(a -> Evidence.of(a).with("userAccountControl", EvidenceValues.uac(a)))
                .toList();
    }
}
