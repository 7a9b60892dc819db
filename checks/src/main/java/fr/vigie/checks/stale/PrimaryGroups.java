package fr.vigie.checks.stale;

import fr.vigie.checks.Evidence;
import fr.vigie.checks.EvidenceValues;
import fr.vigie.checks.index.DirectoryIndex;
import fr.vigie.snapshot.Account;
import fr.vigie.snapshot.Group;
import fr.vigie.snapshot.Sids;
import fr.vigie.snapshot.Uac;
import java.util.Set;
import java.util.TreeSet;

/** Default {@code primaryGroupID} values by kind of account, shared by the primary-group checks. Stateless. */
final class PrimaryGroups {
    private PrimaryGroups() {}

    /**
     * The primary group ids an account may have without anyone having changed it: 516 for a writable DC, 521 for a
     * read-only DC, 515 for other computers, 513 for users (514 Domain Guests also allowed for the built-in Guest,
     * RID 501), and 515 or 513 for managed service accounts (Active Directory gives them 515 since their class
     * derives from computer; 513 is what a user-like creation would set).
     */
    static Set<Integer> defaults(Account account) {
        return switch (account.kind()) {
            case COMPUTER -> {
                if (account.has(Uac.PARTIAL_SECRETS_ACCOUNT)) {
                    yield Set.of(Sids.RID_READONLY_DOMAIN_CONTROLLERS);
                }
                yield account.has(Uac.SERVER_TRUST_ACCOUNT) ? Set.of(Sids.RID_DOMAIN_CONTROLLERS)
                        : Set.of(Sids.RID_DOMAIN_COMPUTERS);
            }
            case USER -> account.rid() == Sids.RID_GUEST
                    ? Set.of(Sids.RID_DOMAIN_USERS, Sids.RID_DOMAIN_GUESTS)
                    : Set.of(Sids.RID_DOMAIN_USERS);
            case MANAGED_SERVICE_ACCOUNT, GROUP_MANAGED_SERVICE_ACCOUNT ->
                    Set.of(Sids.RID_DOMAIN_COMPUTERS, Sids.RID_DOMAIN_USERS);
        };
    }

    /** {@code 512 (Domain Admins)}, or the bare id when the snapshot has no such domain group. */
    static String describe(int primaryGroupId, DirectoryIndex index) {
        return index.domainGroup(primaryGroupId).map(Group::samAccountName)
                .map(name -> primaryGroupId + " (" + name + ")")
                .orElse(String.valueOf(primaryGroupId));
    }

    /**
     * Evidence naming the account with its {@code primaryGroupID} ({@link #describe}), the {@code expected} ids
     * ({@link #defaults}, ascending) and its {@code userAccountControl}, in this order.
     */
    static Evidence evidence(Account account, DirectoryIndex index) {
        return Evidence.of(account)
                .with("primaryGroupID", describe(account.primaryGroupId(), index))
                .with("expected", new TreeSet<>(defaults(account)))
                .with("userAccountControl", EvidenceValues.uac(account));
    }
}
