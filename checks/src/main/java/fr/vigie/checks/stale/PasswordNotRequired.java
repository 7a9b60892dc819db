package fr.vigie.checks.stale;

import fr.vigie.checks.Check;
import fr.vigie.checks.CheckContext;
import fr.vigie.checks.Evidence;
import fr.vigie.snapshot.DataSource;
import fr.vigie.snapshot.DirectorySnapshot;
import fr.vigie.snapshot.Uac;
import java.util.List;
import java.util.Set;

/**
 * Enabled accounts (users, computers, service accounts) with PASSWD_NOTREQD: the domain password policy does
 * not apply to them and their password may be empty.
 */
public final class PasswordNotRequired implements Check {
    @Override
    public String ruleId() {
        return "password-not-required";
    }

    @Override
    public Set<DataSource> requires() {
        return Set.of(DataSource.USERS, DataSource.COMPUTERS);
    }

    @Override
    public List<Evidence> evaluate(DirectorySnapshot snapshot, CheckContext context) {
        return snapshot.accounts().stream()
                .filter(a -> a.enabled() && a.has(Uac.PASSWD_NOTREQD))
                .map(a -> Evidence.of(a).with("userAccountControl", Uac.describe(a.userAccountControl())))
                .toList();
    }
}
