package fr.vigie.checks.backup;

import fr.vigie.checks.Check;
import fr.vigie.checks.CheckContext;
import fr.vigie.checks.Evidence;
import fr.vigie.checks.anomalies.RecycleBinDisabled;
import fr.vigie.snapshot.DataSource;
import fr.vigie.snapshot.DirectorySnapshot;
import java.util.List;
import java.util.Set;

/**
 * The Active Directory Recycle Bin is off ({@link fr.vigie.snapshot.DirectoryServiceConfig#recycleBinEnabled()}):
 * every deleted object (an OU of users, a group, a GPO) can then only come back through an authoritative restore
 * from backup, so the backup is the only undo. The same fact as the AD rule recycle-bin-disabled, counted here on
 * the backup maturity scale, with the same evidence ({@link RecycleBinDisabled#findings}). PingCastle P-RecycleBin;
 * B-AD-RecycleBin.
 */
public final class BackupRecycleBinDisabled implements Check {
    @Override
    public String ruleId() {
        return "backup-recycle-bin-disabled";
    }

    @Override
    public Set<DataSource> requires() {
        return Set.of(DataSource.OPTIONAL_FEATURES);
    }

    @Override
    public List<Evidence> evaluate(DirectorySnapshot snapshot, CheckContext context) {
        return RecycleBinDisabled.findings(snapshot);
    }
}
