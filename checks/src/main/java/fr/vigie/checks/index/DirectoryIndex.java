package fr.vigie.checks.index;

import fr.vigie.snapshot.Account;
import fr.vigie.snapshot.DirectorySnapshot;
import fr.vigie.snapshot.ForeignPrincipal;
import fr.vigie.snapshot.Group;
import fr.vigie.snapshot.Sids;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Lookups and group memberships of one snapshot, resolved once so that every check runs in time linear in the
 * number of objects. Direct members come from {@code member}; {@code primaryGroupID} adds the implicit members
 * (e.g. every DC is a member of Domain Controllers through primaryGroupID 516 only).
 *
 * <p>Immutable after construction except for a memo of recursive memberships; thread-safe.
 */
public final class DirectoryIndex {
    private final DirectorySnapshot snapshot;
    private final Map<String, Account> accountsByDn = new HashMap<>();
    private final Map<String, Account> accountsBySid = new HashMap<>();
    private final Map<String, Group> groupsByDn = new HashMap<>();
    private final Map<String, Group> groupsBySid = new HashMap<>();
    private final Map<String, ForeignPrincipal> foreignByDn = new HashMap<>();
    private final Map<String, List<Account>> primaryMembers = new HashMap<>();
    private final Map<String, Set<Account>> recursiveMemo = new HashMap<>();
    private final Map<Account, List<String>> privileged;

    public DirectoryIndex(DirectorySnapshot snapshot) {
        this.snapshot = snapshot;
        for (Account a : snapshot.accounts()) {
            accountsByDn.put(key(a.dn()), a);
            if (!a.sid().isEmpty()) {
                accountsBySid.put(a.sid(), a);
            }
        }
        for (Group g : snapshot.groups()) {
            groupsByDn.put(key(g.dn()), g);
            if (!g.sid().isEmpty()) {
                groupsBySid.put(g.sid(), g);
            }
        }
        for (ForeignPrincipal f : snapshot.foreignPrincipals()) {
            foreignByDn.put(key(f.dn()), f);
        }
        String domainSid = snapshot.domain().sid();
        if (!domainSid.isEmpty()) {
            for (Account a : snapshot.accounts()) {
                Group g = groupsBySid.get(Sids.of(domainSid, a.primaryGroupId()));
                if (g != null) {
                    primaryMembers.computeIfAbsent(key(g.dn()), k -> new ArrayList<>()).add(a);
                }
            }
        }
        this.privileged = computePrivileged();
    }

    private static String key(String dn) {
        return dn.toLowerCase(Locale.ROOT);
    }

    public DirectorySnapshot snapshot() {
        return snapshot;
    }

    public Optional<Account> account(String dn) {
        return Optional.ofNullable(accountsByDn.get(key(dn)));
    }

    public Optional<Account> accountBySid(String sid) {
        return Optional.ofNullable(accountsBySid.get(sid));
    }

    public Optional<Group> group(String dn) {
        return Optional.ofNullable(groupsByDn.get(key(dn)));
    }

    public Optional<Group> groupBySid(String sid) {
        return Optional.ofNullable(groupsBySid.get(sid));
    }

    /** The domain group with this RID (e.g. {@link Sids#RID_DOMAIN_ADMINS}). */
    public Optional<Group> domainGroup(int rid) {
        return groupBySid(Sids.of(snapshot.domain().sid(), rid));
    }

    /** The domain account with this RID (e.g. {@link Sids#RID_KRBTGT}). */
    public Optional<Account> domainAccount(int rid) {
        return accountBySid(Sids.of(snapshot.domain().sid(), rid));
    }

    public Optional<ForeignPrincipal> foreignPrincipal(String dn) {
        return Optional.ofNullable(foreignByDn.get(key(dn)));
    }

    /** Direct member groups of a group (nested groups). */
    public List<Group> memberGroups(Group group) {
        List<Group> out = new ArrayList<>();
        for (String m : group.members()) {
            Group g = groupsByDn.get(key(m));
            if (g != null) {
                out.add(g);
            }
        }
        return out;
    }

    /** Direct member accounts, including those whose primaryGroupID is this group. */
    public List<Account> memberAccounts(Group group) {
        List<Account> out = new ArrayList<>();
        for (String m : group.members()) {
            Account a = accountsByDn.get(key(m));
            if (a != null) {
                out.add(a);
            }
        }
        out.addAll(primaryMembers.getOrDefault(key(group.dn()), List.of()));
        return out;
    }

    /** Direct members that are foreign security principals (well-known SIDs or other domains). */
    public List<ForeignPrincipal> memberForeignPrincipals(Group group) {
        List<ForeignPrincipal> out = new ArrayList<>();
        for (String m : group.members()) {
            ForeignPrincipal f = foreignByDn.get(key(m));
            if (f != null) {
                out.add(f);
            }
        }
        return out;
    }

    /** Every account that is a member of the group directly, through nested groups or through primaryGroupID. */
    public synchronized Set<Account> recursiveMembers(Group group) {
        Set<Account> memo = recursiveMemo.get(key(group.dn()));
        if (memo != null) {
            return memo;
        }
        Set<Account> out = new LinkedHashSet<>();
        Set<String> seen = new HashSet<>();
        Deque<Group> todo = new ArrayDeque<>();
        todo.add(group);
        seen.add(key(group.dn()));
        while (!todo.isEmpty()) {
            Group g = todo.poll();
            out.addAll(memberAccounts(g));
            for (Group nested : memberGroups(g)) {
                if (seen.add(key(nested.dn()))) {
                    todo.add(nested);
                }
            }
        }
        Set<Account> frozen = Collections.unmodifiableSet(out);
        recursiveMemo.put(key(group.dn()), frozen);
        return frozen;
    }

    /**
     * Every foreign security principal (well-known SID such as Authenticated Users, or a principal of another domain)
     * that is a member of the group directly or through nested groups, in breadth-first order, each once.
     */
    public List<ForeignPrincipal> recursiveForeignPrincipals(Group group) {
        List<ForeignPrincipal> out = new ArrayList<>();
        Set<String> seenGroups = new HashSet<>();
        Set<String> seenForeign = new HashSet<>();
        Deque<Group> todo = new ArrayDeque<>();
        todo.add(group);
        seenGroups.add(key(group.dn()));
        while (!todo.isEmpty()) {
            Group g = todo.poll();
            for (ForeignPrincipal f : memberForeignPrincipals(g)) {
                if (seenForeign.add(key(f.dn()))) {
                    out.add(f);
                }
            }
            for (Group nested : memberGroups(g)) {
                if (seenGroups.add(key(nested.dn()))) {
                    todo.add(nested);
                }
            }
        }
        return List.copyOf(out);
    }

    /** True when the account is a recursive member of the domain group with this RID. */
    public boolean isMemberOfDomainGroup(Account account, int rid) {
        return domainGroup(rid).map(g -> recursiveMembers(g).contains(account)).orElse(false);
    }

    /**
     * The privileged groups present in the snapshot, as listed in the ANSSI reference: Administrators, Account,
     * Server, Print and Backup Operators, Replicator, Domain Admins, Domain Controllers, Schema Admins, Enterprise
     * Admins, Cert Publishers, Key Admins, Enterprise Key Admins, Group Policy Creator Owners and DnsAdmins.
     */
    public List<Group> privilegedGroups() {
        List<Group> out = new ArrayList<>();
        for (Group g : snapshot.groups()) {
            if (PrivilegedGroups.isPrivileged(g, snapshot.domain().sid())) {
                out.add(g);
            }
        }
        return out;
    }

    /** Accounts that are privileged, with the names of the privileged groups that make them so. */
    public Map<Account, List<String>> privilegedAccounts() {
        return privileged;
    }

    public boolean isPrivileged(Account account) {
        return privileged.containsKey(account);
    }

    private Map<Account, List<String>> computePrivileged() {
        Map<Account, List<String>> out = new LinkedHashMap<>();
        for (Group g : privilegedGroups()) {
            for (Account a : recursiveMembers(g)) {
                out.computeIfAbsent(a, k -> new ArrayList<>()).add(g.samAccountName());
            }
        }
        domainAccount(Sids.RID_ADMINISTRATOR).ifPresent(
                admin -> out.computeIfAbsent(admin, k -> new ArrayList<>()).add("built-in Administrator (RID 500)"));
        Map<Account, List<String>> frozen = new LinkedHashMap<>();
        out.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        return Collections.unmodifiableMap(frozen);
    }

    /** Computer accounts of domain controllers (by userAccountControl). */
    public List<Account> domainControllers() {
        return snapshot.accounts().stream().filter(Account::isDomainController).toList();
    }
}
