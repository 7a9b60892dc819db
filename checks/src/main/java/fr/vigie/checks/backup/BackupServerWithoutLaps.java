package fr.vigie.checks.backup;

import fr.vigie.checks.Check;
import fr.vigie.checks.CheckContext;
import fr.vigie.checks.Evidence;
import fr.vigie.snapshot.ComputerInfo;
import fr.vigie.snapshot.DataSource;
import fr.vigie.snapshot.DirectorySnapshot;
import java.util.List;
import java.util.Set;

/**
 * Backup servers ({@link BackupEstate#servers}) without a LAPS-managed local administrator password
 * ({@link ComputerInfo#lapsPassword()} false): their local administrator password is likely the same as on the
 * production servers, so one compromised server opens the backup server too. B-AD-BackupHostsLAPS.
 */
public final class BackupServerWithoutLaps implements Check {
    @Override
    public String ruleId() {
        return "backup-server-without-laps";
    }

    @Override
    public Set<DataSource> requires() {
        return Set.of(DataSource.COMPUTERS);
    }

    @Override
    public List<Evidence> evaluate(DirectorySnapshot snapshot, CheckContext context) {
        return BackupEstate.servers(snapshot, context).stream()
                .filter(m -> !m.account().computer().map(ComputerInfo::lapsPassword).orElse(false))
                .map(m -> m.evidence().with("lapsPassword",
                        "no ms-Mcs-AdmPwdExpirationTime nor msLAPS-PasswordExpirationTime"))
                .toList();
    }
}
