package fr.vigie.checks.backup;

import fr.vigie.checks.Check;
import fr.vigie.checks.CheckContext;
import fr.vigie.checks.Evidence;
import fr.vigie.checks.index.DirectoryIndex;
import fr.vigie.snapshot.Account;
import fr.vigie.snapshot.DataSource;
import fr.vigie.snapshot.DirectorySnapshot;
import fr.vigie.snapshot.Group;
import fr.vigie.snapshot.Uac;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Backup servers ({@link BackupEstate#servers}) trusted for unconstrained delegation (TRUSTED_FOR_DELEGATION: the
 * server keeps the Kerberos tickets of every user who connects, administrators included) or carrying resource-based
 * constrained delegation ({@code msDS-AllowedToActOnBehalfOfOtherIdentity}: the listed principals can act as any
 * user, a domain admin included, towards the backup server). Either turns the backup server into a path to the
 * domain, or the domain into a path to the backups. B-AD-BackupServerDeleg.
 */
public final class BackupServerDelegation implements Check {
    @Override
    public String ruleId() {
        return "backup-server-delegation";
    }

    @Override
    public Set<DataSource> requires() {
        return Set.of(DataSource.COMPUTERS);
    }

    @Override
    public List<Evidence> evaluate(DirectorySnapshot snapshot, CheckContext context) {
        List<Evidence> out = new ArrayList<>();
        for (BackupEstate.Match m : BackupEstate.servers(snapshot, context)) {
            Account a = m.account();
            boolean unconstrained = a.has(Uac.TRUSTED_FOR_DELEGATION);
            if (!unconstrained && a.allowedToActOnBehalfOf().isEmpty()) {
                continue;
            }
            Evidence e = m.evidence();
            if (unconstrained) {
                e = e.with("userAccountControl", Uac.describe(a.userAccountControl()));
            }
            if (!a.allowedToActOnBehalfOf().isEmpty()) {
                e = e.with("msDS-AllowedToActOnBehalfOfOtherIdentity", String.join(", ",
                        a.allowedToActOnBehalfOf().stream().map(sid -> named(sid, context.index())).toList()));
            }
            out.add(e);
        }
        return out;
    }

    /** {@code SID (name)} when the SID is an account or group of the snapshot, the bare SID otherwise. */
    private static String named(String sid, DirectoryIndex index) {
        Optional<String> name = index.accountBySid(sid).map(Account::samAccountName)
                .or(() -> index.groupBySid(sid).map(Group::samAccountName));
        return name.map(n -> sid + " (" + n + ")").orElse(sid);
    }
}
