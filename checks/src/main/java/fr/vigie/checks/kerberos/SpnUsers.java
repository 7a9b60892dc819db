package fr.vigie.checks.kerberos;

import fr.vigie.snapshot.Account;
import fr.vigie.snapshot.DirectorySnapshot;
import fr.vigie.snapshot.Sids;
import java.util.stream.Stream;

/** Which accounts the Kerberoasting checks look at. Stateless; thread-safe. */
final class SpnUsers {
    private SpnUsers() {}

    /**
     * Enabled accounts of {@link DirectorySnapshot#users()} with at least one servicePrincipalName, krbtgt (RID 502,
     * whose SPN is built in) excepted, in snapshot order.
     */
    static Stream<Account> enabledWithSpn(DirectorySnapshot snapshot) {
        return snapshot.users()
                .filter(a -> a.enabled() && !a.servicePrincipalNames().isEmpty() && a.rid() != Sids.RID_KRBTGT);
    }
}
