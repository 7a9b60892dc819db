package fr.vigie.checks.privileged;

import fr.vigie.checks.Check;
import fr.vigie.checks.CheckContext;
import fr.vigie.checks.Evidence;
import fr.vigie.checks.EvidenceValues;
import fr.vigie.snapshot.DataSource;
import fr.vigie.snapshot.DirectorySnapshot;
import java.util.List;
import java.util.Set;

/**
 * The checks "enabled privileged accounts ({@link PrivilegedScope#enabledPrivileged}) carrying one
 * userAccountControl flag": each subclass names its rule and its flag, nothing else. Evidence: the account, its
 * privileged groups and its userAccountControl, in index order. Stateless; subclasses must be too.
 */
abstract class EnabledPrivilegedWithFlag implements Check {
    private final int flag;

    /** @param flag the {@link fr.vigie.snapshot.Uac} bit that makes an enabled privileged account a finding */
    EnabledPrivilegedWithFlag(int flag) {
        this.flag = flag;
    }

    @Override
    public final Set<DataSource> requires() {
        return Set.of(DataSource.DOMAIN, DataSource.USERS, DataSource.GROUPS);
    }

    @Override
    public final List<Evidence> evaluate(DirectorySnapshot snapshot, CheckContext context) {
        return PrivilegedScope.enabledPrivileged(context).entrySet().stream()
                .filter(e -> e.getKey().has(flag))
                .map(e -> PrivilegedScope.evidence(e.getKey(), e.getValue())
                        .with("userAccountControl", EvidenceValues.uac(e.getKey())))
                .toList();
    }
}
