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
 * Enabled privileged accounts allowed to store their password with reversible encryption
 * (ENCRYPTED_TEXT_PWD_ALLOWED): from the next password change the clear-text password can be recovered by anyone
 * who reads the directory database or replicates it (DCSync, a domain controller backup).
 */
public final class PrivilegedReversiblePassword implements Check {
    @Override
    public String ruleId() {
        return "privileged-reversible-password";
    }

    @Override
    public Set<DataSource> requires() {
        return Set.of(DataSource.DOMAIN, DataSource.USERS, DataSource.GROUPS);
    }

    @Override
    public List<Evidence> evaluate(DirectorySnapshot snapshot, CheckContext context) {
        return PrivilegedScope.enabledPrivileged(context).entrySet().stream()
                .filter(e -> e.getKey().has(Uac.ENCRYPTED_TEXT_PWD_ALLOWED))
                .map(e -> PrivilegedScope.evidence(e.getKey(), e.getValue())
                        .with("userAccountControl", Uac.describe(e.getKey().userAccountControl())))
                .toList();
    }
}
