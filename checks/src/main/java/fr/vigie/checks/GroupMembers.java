package fr.vigie.checks;

import fr.vigie.checks.index.DirectoryIndex;
import fr.vigie.snapshot.Account;
import fr.vigie.snapshot.ForeignPrincipal;
import fr.vigie.snapshot.Group;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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
}
