package fr.vigie.checks.privileged;

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
 * Enabled privileged user accounts (kind USER) that are not recursive members of Protected Users (RID 525): they
 * keep NTLM, RC4/DES Kerberos, delegation and cached credentials, all of which let an attacker reuse their secrets.
 * When the domain has no Protected Users group (functional level below 2012 R2) every privileged user is reported.
 */
public final class PrivilegedNotProtectedUsers implements Check {
    @Override
    public String ruleId() {
        return "privileged-not-protected-users";
    }

    @Override
    public Set<DataSource> requires() {
        return Set.of(DataSource.DOMAIN, DataSource.USERS, DataSource.GROUPS);
    }

    @Override
    public List<Evidence> evaluate(DirectorySnapshot snapshot, CheckContext context) {
        String state = context.index().domainGroup(Sids.RID_PROTECTED_USERS).isPresent()
                ? "not a member" : "group absent from the domain";
        return PrivilegedScope.enabledPrivileged(context).entrySet().stream()
                .filter(e -> e.getKey().kind() == AccountKind.USER
                        && !context.index().isMemberOfDomainGroup(e.getKey(), Sids.RID_PROTECTED_USERS))
                .map(e -> PrivilegedScope.evidence(e.getKey(), e.getValue()).with("protectedUsers", state))
                .toList();
    }
}
