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
 * Enabled accounts with DONT_REQ_PREAUTH: anyone on the network can ask the domain controller for data encrypted
 * with their password (AS-REP roasting) and crack it offline, without any account.
 */
public final class NoPreauth implements Check {
    @Override
    public String ruleId() {
        return "no-preauth";
    }

    @Override
    public Set<DataSource> requires() {
        return Set.of(DataSource.USERS, DataSource.COMPUTERS);
    }

    @Override
    public List<Evidence> evaluate(DirectorySnapshot snapshot, CheckContext context) {
        return snapshot.accounts().stream()
                .filter(a -> a.enabled() && a.has(Uac.DONT_REQ_PREAUTH))
                .map(a -> Evidence.of(a).with("userAccountControl", Uac.describe(a.userAccountControl())))
                .toList();
    }
}
