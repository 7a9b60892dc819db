package fr.vigie.checks.backup;

import fr.vigie.checks.Check;
import fr.vigie.checks.CheckContext;
import fr.vigie.checks.Evidence;
import fr.vigie.snapshot.DataSource;
import fr.vigie.snapshot.DirectorySnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Backup service accounts ({@link BackupEstate#serviceAccounts}) that are domain administrators: recursive members of
 * a privileged group of the ANSSI list other than Backup and Server Operators (Domain Admins, Enterprise Admins,
 * Administrators...), or the RID-500 account. Whoever takes the backup server (the usual first target of
 * ransomware operators) then holds the domain and can destroy the backups with everything else. Evidence names the
 * account, why it was taken for a backup account, and its privileged groups. B-AD-BackupSvcPriv.
 */
public final class BackupServiceAccountPrivileged implements Check {
    @Override
    public String ruleId() {
        return "backup-service-account-privileged";
    }

    @Override
    public Set<DataSource> requires() {
        return Set.of(DataSource.DOMAIN, DataSource.USERS, DataSource.GROUPS);
    }

    @Override
    public List<Evidence> evaluate(DirectorySnapshot snapshot, CheckContext context) {
        List<Evidence> out = new ArrayList<>();
        for (BackupEstate.Match m : BackupEstate.serviceAccounts(snapshot, context)) {
            List<String> groups = BackupEstate.adminGroups(m.account(), context.index());
            if (!groups.isEmpty()) {
                out.add(m.evidence().with("privilegedGroups", String.join(", ", groups)));
            }
        }
        return out;
    }
}
