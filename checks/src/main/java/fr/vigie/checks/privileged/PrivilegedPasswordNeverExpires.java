package fr.vigie.checks.privileged;

import fr.vigie.checks.Check;
import fr.vigie.checks.CheckContext;
import fr.vigie.checks.Evidence;
import fr.vigie.snapshot.DataSource;
import fr.vigie.snapshot.DirectorySnapshot;
import fr.vigie.snapshot.Uac;
import java.util.List;
import java.util.Set;

/**
 * Enabled privileged accounts whose password never expires (DONT_EXPIRE_PASSWORD): such passwords are rarely
 * changed, so a password leaked or cracked years ago still opens the domain.
 */
public final class PrivilegedPasswordNeverExpires implements Check {
    @Override
    public String ruleId() {
        return "privileged-password-never-expires";
    }

    @Override
    public Set<DataSource> requires() {
        return Set.of(DataSource.DOMAIN, DataSource.USERS, DataSource.GROUPS);
    }

    @Override
    public List<Evidence> evaluate(DirectorySnapshot snapshot, CheckContext context) {
        return PrivilegedScope.enabledPrivileged(context).entrySet().stream()
                .filter(e -> e.getKey().has(Uac.DONT_EXPIRE_PASSWORD))
                .map(e -> PrivilegedScope.evidence(e.getKey(), e.getValue())
                        .with("userAccountControl", Uac.describe(e.getKey().userAccountControl())))
                .toList();
    }
}
