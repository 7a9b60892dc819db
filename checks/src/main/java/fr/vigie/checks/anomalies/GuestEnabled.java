package fr.vigie.checks.anomalies;

import fr.vigie.checks.Check;
import fr.vigie.checks.CheckContext;
import fr.vigie.checks.Evidence;
import fr.vigie.snapshot.DataSource;
import fr.vigie.snapshot.DirectorySnapshot;
import fr.vigie.snapshot.Sids;
import fr.vigie.snapshot.Uac;
import java.util.List;
import java.util.Set;

/**
 * The built-in Guest account (RID 501) is enabled: anyone can open a session without a personal account, usually
 * with an empty password, and reach every resource granted to Everyone or Domain Guests. ANSSI vuln_guest.
 */
public final class GuestEnabled implements Check {
    @Override
    public String ruleId() {
        return "guest-enabled";
    }

    @Override
    public Set<DataSource> requires() {
        return Set.of(DataSource.DOMAIN, DataSource.USERS);
    }

    @Override
    public List<Evidence> evaluate(DirectorySnapshot snapshot, CheckContext context) {
        return context.index().domainAccount(Sids.RID_GUEST).stream()
                .filter(a -> a.enabled())
                .map(a -> Evidence.of(a).with("userAccountControl", Uac.describe(a.userAccountControl())))
                .toList();
    }
}
