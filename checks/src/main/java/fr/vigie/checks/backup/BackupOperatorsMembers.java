package fr.vigie.checks.backup;

import fr.vigie.checks.Check;
import fr.vigie.checks.CheckContext;
import fr.vigie.checks.Evidence;
import fr.vigie.checks.index.DirectoryIndex;
import fr.vigie.snapshot.Account;
import fr.vigie.snapshot.DataSource;
import fr.vigie.snapshot.DirectorySnapshot;
import fr.vigie.snapshot.ForeignPrincipal;
import fr.vigie.snapshot.Group;
import fr.vigie.snapshot.Sids;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
        DirectoryIndex index = context.index();
        List<Evidence> out = new ArrayList<>();
        for (String sid : GROUPS) {
            Optional<Group> group = index.groupBySid(sid);
            if (group.isEmpty()) {
                continue;
            }
            Group g = group.get();
            for (Account a : index.recursiveMembers(g)) {
                if (a.enabled()) {
                    out.add(Evidence.of(a).with("group", g.samAccountName())
                            .with("memberType", a.kind().name().toLowerCase(Locale.ROOT))
                            .with("lastLogonTimestamp", a.lastLogonTimestamp().map(BackupEstate::iso).orElse("never"))
                            .with("pwdLastSet", a.pwdLastSet().map(BackupEstate::iso).orElse("not set")));
                }
            }
            for (ForeignPrincipal f : index.recursiveForeignPrincipals(g)) {
                out.add(new Evidence(f.dn(), WELL_KNOWN.getOrDefault(f.sid(), f.sid()), null)
                        .with("group", g.samAccountName())
                        .with("memberType", "foreign security principal")
                        .with("sid", f.sid()));
            }
        }
        return out;
    }
}
