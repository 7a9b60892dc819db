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
 * Enabled user accounts with DONT_EXPIRE_PASSWORD: their password is exempt from the maximum password age, so a
 * leaked or guessed password stays valid for years.
 */
public final class PasswordNeverExpires implements Check {
    @Override
    public String ruleId() {
        return "password-never-expires";
    }

    @Override
    public Set<DataSource> requires() {
        return Set.of(DataSource.USERS);
    }

    @Override
    public List<Evidence> evaluate(DirectorySnapshot snapshot, CheckContext context) {
        return snapshot.users()
                .filter(a -> a.enabled() && a.has(Uac.DONT_EXPIRE_PASSWORD))
                .map(a -> Evidence.of(a)
                        .with("userAccountControl", Uac.describe(a.userAccountControl()))
                        .with("pwdLastSet", Dates.describe(a.pwdLastSet(), context)))
                .toList();
    }
}
