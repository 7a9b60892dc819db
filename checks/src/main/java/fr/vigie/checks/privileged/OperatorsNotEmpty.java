package fr.vigie.checks.privileged;

import fr.vigie.checks.Check;
import fr.vigie.checks.CheckContext;
import fr.vigie.checks.Evidence;
import fr.vigie.checks.GroupMembers;
import fr.vigie.snapshot.DataSource;
import fr.vigie.snapshot.DirectorySnapshot;
import fr.vigie.snapshot.Sids;
import java.util.List;
import java.util.Set;

/**
 * Account Operators, Server Operators, Print Operators or Backup Operators have members (recursive, enabled or not,
 * foreign principals included): each of these builtin groups gives a path to domain administration (logon on the
 * domain controllers, driver loading, backup of the directory database, change of non-protected accounts).
 * One evidence per (group, member), naming the group.
 */
public final class OperatorsNotEmpty implements Check {
    /** The operator groups, in report order. */
    static final List<String> OPERATORS = List.of(
            Sids.ACCOUNT_OPERATORS, Sids.SERVER_OPERATORS, Sids.PRINT_OPERATORS, Sids.BACKUP_OPERATORS);

    @Override
    public String ruleId() {
        return "operators-not-empty";
    }

    @Override
    public Set<DataSource> requires() {
        return Set.of(DataSource.DOMAIN, DataSource.USERS, DataSource.COMPUTERS, DataSource.GROUPS,
                DataSource.FOREIGN_PRINCIPALS);
    }

    @Override
    public List<Evidence> evaluate(DirectorySnapshot snapshot, CheckContext context) {
        return GroupMembers.ofSids(context.index(), OPERATORS).stream()
                .flatMap(members -> members.evidence(account -> true).stream())
                .toList();
    }
}
