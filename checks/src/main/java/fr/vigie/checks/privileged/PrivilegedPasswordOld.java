package fr.vigie.checks.privileged;

import fr.vigie.checks.Check;
import fr.vigie.checks.CheckContext;
import fr.vigie.checks.Evidence;
import fr.vigie.snapshot.Account;
import fr.vigie.snapshot.DataSource;
import fr.vigie.snapshot.DirectorySnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Enabled privileged accounts whose password is more than {@code maxPasswordAgeDays} days old (strictly), or was
 * never set (pwdLastSet 0 or absent) on an account itself created more than {@code maxPasswordAgeDays} days ago (or
 * of unknown creation date): an account created recently with "must change password at next logon" is not flagged,
 * as PingCastle does.
 */
public final class PrivilegedPasswordOld implements Check {
    @Override
    public String ruleId() {
        return "privileged-password-old";
    }

    @Override
    public Set<DataSource> requires() {
        return Set.of(DataSource.DOMAIN, DataSource.USERS, DataSource.GROUPS);
    }

    @Override
    public List<Evidence> evaluate(DirectorySnapshot snapshot, CheckContext context) {
        long max = context.threshold("maxPasswordAgeDays");
        List<Evidence> out = new ArrayList<>();
        for (Map.Entry<Account, List<String>> e : PrivilegedScope.enabledPrivileged(context).entrySet()) {
            Account a = e.getKey();
            Evidence base = PrivilegedScope.evidence(a, e.getValue());
            if (a.pwdLastSet().isPresent()) {
                long age = context.daysSince(a.pwdLastSet().get());
                if (age > max) {
                    out.add(base.with("pwdLastSet", PrivilegedScope.iso(a.pwdLastSet().get()))
                            .with("passwordAgeDays", age)
                            .with("maxPasswordAgeDays", max));
                }
            } else if (a.whenCreated().map(c -> context.daysSince(c) > max).orElse(true)) {
                out.add(base.with("pwdLastSet", "never")
                        .with("whenCreated", a.whenCreated().map(PrivilegedScope::iso).orElse("unknown"))
                        .with("maxPasswordAgeDays", max));
            }
        }
        return List.copyOf(out);
    }
}
