package fr.vigie.checks.privileged;

import fr.vigie.checks.Check;
import fr.vigie.checks.CheckContext;
import fr.vigie.checks.Evidence;
import fr.vigie.snapshot.AccountKind;
import fr.vigie.snapshot.DataSource;
import fr.vigie.snapshot.DirectorySnapshot;
import java.util.List;
import java.util.Set;

/**
 * Enabled privileged user accounts (kind USER) with a servicePrincipalName: any domain user can request a service
 * ticket encrypted with their password and crack it offline (Kerberoasting). Managed service accounts are left out:
 * their 120-character random passwords cannot be cracked.
 */
public final class PrivilegedSpn implements Check {
    @Override
    public String ruleId() {
        return "privileged-spn";
    }

    @Override
    public Set<DataSource> requires() {
        return Set.of(DataSource.DOMAIN, DataSource.USERS, DataSource.GROUPS);
    }

    @Override
    public List<Evidence> evaluate(DirectorySnapshot snapshot, CheckContext context) {
        return PrivilegedScope.enabledPrivileged(context).entrySet().stream()
                .filter(e -> e.getKey().kind() == AccountKind.USER && !e.getKey().servicePrincipalNames().isEmpty())
                .map(e -> PrivilegedScope.evidence(e.getKey(), e.getValue())
                        .with("servicePrincipalName", String.join(", ", e.getKey().servicePrincipalNames())))
                .toList();
    }
}
