package fr.vigie.checks.kerberos;

import fr.vigie.checks.Check;
import fr.vigie.checks.CheckContext;
import fr.vigie.checks.Evidence;
import fr.vigie.snapshot.AccountKind;
import fr.vigie.snapshot.DataSource;
import fr.vigie.snapshot.DirectorySnapshot;
import fr.vigie.snapshot.Sids;
import java.util.List;
import java.util.Set;

/**
 * Enabled user accounts with a servicePrincipalName: any domain user can request a service ticket encrypted with the
 * account's password and crack it offline (Kerberoasting). Computers and managed service accounts have random
 * 120-character passwords and are not listed; krbtgt is excluded (its SPN is built in).
 */
public final class KerberoastableUser implements Check {
    @Override
    public String ruleId() {
        return "kerberoastable-user";
    }

    @Override
    public Set<DataSource> requires() {
        return Set.of(DataSource.USERS);
    }

    @Override
    public List<Evidence> evaluate(DirectorySnapshot snapshot, CheckContext context) {
        return snapshot.users()
                .filter(a -> a.enabled() && !a.servicePrincipalNames().isEmpty() && a.rid() != Sids.RID_KRBTGT)
                .filter(a -> a.kind() == AccountKind.USER)
                .map(a -> Evidence.of(a).with("servicePrincipalName", String.join(", ", a.servicePrincipalNames()))
                        .with("pwdLastSet", a.pwdLastSet().map(Object::toString).orElse("never")))
                .toList();
    }
}
