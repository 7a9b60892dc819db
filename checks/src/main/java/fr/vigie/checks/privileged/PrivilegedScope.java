package fr.vigie.checks.privileged;

import fr.vigie.checks.CheckContext;
import fr.vigie.checks.Evidence;
import fr.vigie.checks.index.DirectoryIndex;
import fr.vigie.snapshot.Account;
import fr.vigie.snapshot.AccountKind;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the checks of the 'privileged' family share: which accounts they consider and how they describe them.
 * Stateless; thread-safe.
 *
 * <p>"Privileged" is {@link DirectoryIndex#privilegedAccounts()}: recursive members (primaryGroupID included) of the
 * ANSSI privileged groups, plus the RID-500 account. Unless a rule says otherwise the family looks at accounts of
 * kind USER, MANAGED_SERVICE_ACCOUNT and GROUP_MANAGED_SERVICE_ACCOUNT: computers are left out because every domain
 * controller is, by design, a member of Domain Controllers.
 */
final class PrivilegedScope {
    /** Account kinds the family considers by default. */
    static final Set<AccountKind> PRINCIPALS = EnumSet.of(
            AccountKind.USER, AccountKind.MANAGED_SERVICE_ACCOUNT, AccountKind.GROUP_MANAGED_SERVICE_ACCOUNT);

    private PrivilegedScope() {}

    /** True when the account is of a kind the family considers by default (not a computer). */
    static boolean inScope(Account account) {
        return PRINCIPALS.contains(account.kind());
    }

    /** Enabled privileged accounts of the default kinds, with the privileged groups that make them so, index order. */
    static Map<Account, List<String>> enabledPrivileged(CheckContext context) {
        Map<Account, List<String>> out = new LinkedHashMap<>();
        context.index().privilegedAccounts().forEach((account, groups) -> {
            if (inScope(account) && account.enabled()) {
                out.put(account, groups);
            }
        });
        return out;
    }

    /** Evidence naming the account and the privileged groups that make it privileged. */
    static Evidence evidence(Account account, List<String> groups) {
        return Evidence.of(account).with("privilegedGroups", String.join(", ", groups));
    }
}
