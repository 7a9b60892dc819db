package fr.vigie.checks;

import fr.vigie.checks.index.DirectoryIndex;
import fr.vigie.snapshot.Account;
import fr.vigie.snapshot.ForeignPrincipal;
import fr.vigie.snapshot.Group;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * The recursive members of one group, for the checks that report "who is in these groups": the accounts that are
 * members directly, through nested groups or through primaryGroupID ({@link DirectoryIndex#recursiveMembers}, index
 * order), enabled or not, and the foreign security principals that are members directly or through nested groups
 * ({@link DirectoryIndex#recursiveForeignPrincipals}, breadth-first). Immutable; never null.
 *
 * @param group             the group
 * @param accounts          its recursive account members
 * @param foreignPrincipals its recursive foreign security principal members
 */
public record GroupMembers(Group group, List<Account> accounts, List<ForeignPrincipal> foreignPrincipals) {
    public GroupMembers {
        Objects.requireNonNull(group, "group");
        accounts = List.copyOf(accounts);
        foreignPrincipals = List.copyOf(foreignPrincipals);
    }

    /** The recursive members of the group. */
    public static GroupMembers of(DirectoryIndex index, Group group) {
        return new GroupMembers(group, List.copyOf(index.recursiveMembers(group)),
                index.recursiveForeignPrincipals(group));
    }

    /** The recursive members of each group of the list (by SID) present in the snapshot, in list order. */
    public static List<GroupMembers> ofSids(DirectoryIndex index, List<String> sids) {
        return sids.stream().map(index::groupBySid).flatMap(Optional::stream).map(g -> of(index, g)).toList();
    }

    /**
     * One evidence per member that counts: the accounts accepted by {@code counts} (index order), then every foreign
     * security principal (breadth-first, named by its SID). Each names the group ({@code group}) and the kind of
     * member ({@code memberType}: {@code user}, {@code computer (disabled)}, {@code foreign security principal}...).
     *
     * @param counts which accounts count; must not be null
     * @return an immutable list, empty when no member counts
     */
    public List<Evidence> evidence(Predicate<Account> counts) {
        return evidence(counts, (e, a) -> e, (e, f) -> e);
    }

    /**
     * {@link #evidence(Predicate)}, each evidence then completed by the check: {@code account} receives the evidence
     * of an account member with the account, {@code foreign} that of a foreign security principal with the
     * principal, and each returns the evidence to report (e.g. with more attributes, after the two above).
     *
     * @param counts  which accounts count; must not be null
     * @param account completes the evidence of an account; pure; must not be null
     * @param foreign completes the evidence of a foreign security principal; pure; must not be null
     * @return an immutable list, empty when no member counts
     */
    public List<Evidence> evidence(Predicate<Account> counts, BiFunction<Evidence, Account, Evidence> account,
                                   BiFunction<Evidence, ForeignPrincipal, Evidence> foreign) {
        String name = group.samAccountName();
        List<Evidence> out = new ArrayList<>();
        for (Account a : accounts) {
            if (counts.test(a)) {
                String kind = a.kind().name().toLowerCase(Locale.ROOT) + (a.enabled() ? "" : " (disabled)");
                out.add(account.apply(Evidence.of(a).with("group", name).with("memberType", kind), a));
            }
        }
        for (ForeignPrincipal f : foreignPrincipals) {
            out.add(foreign.apply(new Evidence(f.dn(), f.sid(), Map.of()).with("group", name)
                    .with("memberType", "foreign security principal"), f));
        }
        return List.copyOf(out);
    }
}
