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
 * Enabled privileged accounts that do not require Kerberos pre-authentication (DONT_REQ_PREAUTH): anyone on the
 * network, without credentials, can obtain data encrypted with their password and crack it offline (AS-REP roasting).
 */
public final class PrivilegedNoPreauth implements Check {
    @Override
    public String ruleId() {
        return "privileged-no-preauth";
    }

    @Override
    public Set<DataSource> requires() {
        return Set.of(DataSource.DOMAIN, DataSource.USERS, DataSource.GROUPS);
    }

    @Override
    public List<Evidence> evaluate(DirectorySnapshot snapshot, CheckContext context) {
        return PrivilegedScope.enabledPrivileged(context).entrySet().stream()
                .filter(e -> e.getKey().has(Uac.DONT_REQ_PREAUTH))
                .map(e -> PrivilegedScope.evidence(e.getKey(), e.getValue())
                        .with("userAccountControl", Uac.describe(e.getKey().userAccountControl())))
                .toList();
    }
}
