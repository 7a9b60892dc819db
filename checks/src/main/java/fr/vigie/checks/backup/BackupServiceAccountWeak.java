package fr.vigie.checks.backup;

import fr.vigie.checks.Check;
import fr.vigie.checks.CheckContext;
import fr.vigie.checks.Evidence;
import fr.vigie.checks.index.DirectoryIndex;
import fr.vigie.snapshot.Account;
import fr.vigie.snapshot.AccountKind;
import fr.vigie.snapshot.DataSource;
import fr.vigie.snapshot.DirectorySnapshot;
import fr.vigie.snapshot.Sids;
import fr.vigie.snapshot.Uac;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Backup service accounts ({@link BackupEstate#serviceAccounts}) that are not domain administrators (those are the
 * rule backup-service-account-privileged's) but whose credentials are easy to steal or keep: a user account with a
 * servicePrincipalName (its password can be cracked offline from a service ticket any user can request:
 * Kerberoasting), a user account whose password never expires (DONT_EXPIRE_PASSWORD), or any account not marked
 * "sensitive and cannot be delegated" (NOT_DELEGATED) nor a member of Protected Users, so that a server trusted for
 * delegation can reuse its tickets. Managed service accounts have random, rotated passwords: only the delegation
 * point applies to them. The evidence lists the weaknesses found. B-AD-BackupSvcPriv.
 */
public final class BackupServiceAccountWeak implements Check {
    @Override
    public String ruleId() {
        return "backup-service-account-weak";
    }

    @Override
    public Set<DataSource> requires() {
        return Set.of(DataSource.DOMAIN, DataSource.USERS, DataSource.GROUPS);
    }

    @Override
    public List<Evidence> evaluate(DirectorySnapshot snapshot, CheckContext context) {
        DirectoryIndex index = context.index();
        List<Evidence> out = new ArrayList<>();
        for (BackupEstate.Match m : BackupEstate.serviceAccounts(snapshot, context)) {
            Account a = m.account();
            if (!BackupEstate.adminGroups(a, index).isEmpty()) {
                continue;
            }
            List<String> weaknesses = weaknesses(a, index);
            if (weaknesses.isEmpty()) {
                continue;
            }
            Evidence e = m.evidence().with("weaknesses", String.join("; ", weaknesses))
                    .with("userAccountControl", Uac.describe(a.userAccountControl()));
            if (!a.servicePrincipalNames().isEmpty()) {
                e = e.with("servicePrincipalName", String.join(", ", a.servicePrincipalNames()));
            }
            out.add(e.with("pwdLastSet", a.pwdLastSet().map(BackupEstate::iso).orElse("not set")));
        }
        return out;
    }

    private static List<String> weaknesses(Account a, DirectoryIndex index) {
        List<String> out = new ArrayList<>();
        if (a.kind() == AccountKind.USER) {
            if (!a.servicePrincipalNames().isEmpty()) {
                out.add("kerberoastable (has a servicePrincipalName)");
            }
            if (a.has(Uac.DONT_EXPIRE_PASSWORD)) {
                out.add("password never expires (DONT_EXPIRE_PASSWORD)");
            }
        }
        if (!a.has(Uac.NOT_DELEGATED) && !index.isMemberOfDomainGroup(a, Sids.RID_PROTECTED_USERS)) {
            out.add("can be delegated (not NOT_DELEGATED, not in Protected Users)");
        }
        return out;
    }
}
