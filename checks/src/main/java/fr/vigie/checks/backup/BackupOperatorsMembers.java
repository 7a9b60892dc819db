package fr.vigie.checks.backup;

import fr.vigie.checks.Check;
import fr.vigie.checks.CheckContext;
import fr.vigie.checks.Evidence;
import fr.vigie.checks.EvidenceValues;
import fr.vigie.checks.GroupMembers;
import fr.vigie.snapshot.Account;
import fr.vigie.snapshot.DataSource;
import fr.vigie.snapshot.DirectorySnapshot;
import fr.vigie.snapshot.Sids;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Enabled members of Backup Operators (S-1-5-32-551) or Server Operators (S-1-5-32-549), directly, through nested
 * groups or through primaryGroupID, and the foreign security principals among them (such as Authenticated Users):
 * both groups can log on to domain controllers and read the directory database and its keys with the backup
 * privilege, i.e. take every password hash, and can delete or tamper with local backups. One evidence per (group,
 * member). B-AD-BackupOperators.
 */
public final class BackupOperatorsMembers implements Check {
    /** The groups, in report order. */
    static final List<String> GROUPS = List.of(Sids.BACKUP_OPERATORS, Sids.SERVER_OPERATORS);
    /** Display names of the well-known SIDs that may appear as foreign members. */
    private static final Map<String, String> WELL_KNOWN = Map.of(
            Sids.EVERYONE, "Everyone", Sids.AUTHENTICATED_USERS, "Authenticated Users", Sids.ANONYMOUS, "Anonymous Logon");

    @Override
    public String ruleId() {
        return "backup-operators-members";
    }

    @Override
    public Set<DataSource> requires() {
        return Set.of(DataSource.DOMAIN, DataSource.USERS, DataSource.COMPUTERS, DataSource.GROUPS,
                DataSource.FOREIGN_PRINCIPALS);
    }

    @Override
    public List<Evidence> evaluate(DirectorySnapshot snapshot, CheckContext context) {
        return GroupMembers.ofSids(context.index(), GROUPS).stream()
                .flatMap(members -> members.evidence(Account::enabled,
                        (e, a) -> e.with("lastLogonTimestamp", EvidenceValues.iso(a.lastLogonTimestamp(), "never"))
                                .with("pwdLastSet", EvidenceValues.iso(a.pwdLastSet(), "not set")),
                        (e, f) -> new Evidence(e.object(), WELL_KNOWN.getOrDefault(f.sid(), f.sid()), e.attributes())
                                .with("sid", f.sid())).stream())
                .toList();
    }
}
