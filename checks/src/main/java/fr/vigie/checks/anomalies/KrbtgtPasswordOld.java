package fr.vigie.checks.anomalies;

import fr.vigie.checks.Check;
import fr.vigie.checks.CheckContext;
import fr.vigie.checks.Evidence;
import fr.vigie.snapshot.Account;
import fr.vigie.snapshot.DataSource;
import fr.vigie.snapshot.DirectorySnapshot;
import fr.vigie.snapshot.Sids;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The password of krbtgt (RID 502), the key that signs every Kerberos ticket of the domain, unchanged for more than
 * {@code maxAgeDays} days (a missing pwdLastSet counts as too old): a stolen copy of that key (backup, old DC, past
 * compromise) still forges valid "golden tickets". When the snapshot holds no krbtgt account there is nothing to
 * judge. ANSSI vuln_krbtgt.
 */
public final class KrbtgtPasswordOld implements Check {
    @Override
    public String ruleId() {
        return "krbtgt-password-old";
    }

    @Override
    public Set<DataSource> requires() {
        return Set.of(DataSource.DOMAIN, DataSource.USERS);
    }

    @Override
    public List<Evidence> evaluate(DirectorySnapshot snapshot, CheckContext context) {
        long maxAgeDays = context.threshold("maxAgeDays");
        Optional<Account> krbtgt = context.index().domainAccount(Sids.RID_KRBTGT);
        if (krbtgt.isEmpty()) {
            return List.of();
        }
        Account k = krbtgt.get();
        if (k.pwdLastSet().isPresent() && context.daysSince(k.pwdLastSet().get()) <= maxAgeDays) {
            return List.of();
        }
        Evidence e = Evidence.of(k)
                .with("pwdLastSet", k.pwdLastSet().map(Object::toString).orElse("never set"));
        if (k.pwdLastSet().isPresent()) {
            e = e.with("age (days)", context.daysSince(k.pwdLastSet().get()));
        }
        return List.of(e.with("maxAgeDays", maxAgeDays));
    }
}
