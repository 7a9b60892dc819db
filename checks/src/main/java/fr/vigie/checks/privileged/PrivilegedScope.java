package fr.vigie.checks.privileged;

import fr.vigie.checks.CheckContext;
import fr.vigie.checks.Evidence;
import fr.vigie.checks.index.DirectoryIndex;
import fr.vigie.snapshot.Account;
import fr.vigie.snapshot.AccountKind;
import fr.vigie.snapshot.ForeignPrincipal;
import fr.vigie.snapshot.Group;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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

    /** ISO-8601 UTC rendering of an instant, to the second (e.g. {@code 2023-05-31T08:00:00Z}). */
    static String iso(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** A recursive member of a group: an account of this domain or a foreign security principal. */
    record Member(String dn, String name, String kind) {
        Evidence evidence(String group) {
            return new Evidence(dn, name, Map.of()).with("group", group).with("memberType", kind);
        }
    }

    /**
     * Every account and foreign security principal that is a member of the group directly, through nested groups or
     * through primaryGroupID; accounts first (index order), then foreign principals.
     */
    static List<Member> recursiveMembers(DirectoryIndex index, Group group) {
        List<Member> out = new ArrayList<>();
        for (Account a : index.recursiveMembers(group)) {
            String kind = a.kind().name().toLowerCase(Locale.ROOT) + (a.enabled() ? "" : " (disabled)");
            out.add(new Member(a.dn(), a.samAccountName(), kind));
        }
        Set<String> seenGroups = new HashSet<>();
        Set<String> seenForeign = new HashSet<>();
        Deque<Group> todo = new ArrayDeque<>();
        todo.add(group);
        seenGroups.add(group.dn().toLowerCase(Locale.ROOT));
        while (!todo.isEmpty()) {
            Group g = todo.poll();
            for (ForeignPrincipal f : index.memberForeignPrincipals(g)) {
                if (seenForeign.add(f.dn().toLowerCase(Locale.ROOT))) {
                    out.add(new Member(f.dn(), f.sid(), "foreign security principal"));
                }
            }
            for (Group nested : index.memberGroups(g)) {
                if (seenGroups.add(nested.dn().toLowerCase(Locale.ROOT))) {
                    todo.add(nested);
                }
            }
        }
        return out;
    }
}
