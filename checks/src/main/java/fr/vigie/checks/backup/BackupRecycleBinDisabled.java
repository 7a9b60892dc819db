package fr.vigie.checks.backup;

import fr.vigie.checks.Check;
import fr.vigie.checks.CheckContext;
import fr.vigie.checks.Evidence;
import fr.vigie.snapshot.DataSource;
import fr.vigie.snapshot.DirectorySnapshot;
import java.util.List;
import java.util.Set;

/**
 * The Active Directory Recycle Bin is off ({@link fr.vigie.snapshot.DirectoryServiceConfig#recycleBinEnabled()}):
 * every deleted object (an OU of users, a group, a GPO) can then only come back through an authoritative restore
 * from backup, so the backup is the only undo. The same fact as the AD rule recycle-bin-disabled, counted here on
 * the backup maturity scale. PingCastle P-RecycleBin; B-AD-RecycleBin.
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
        if (snapshot.directoryService().recycleBinEnabled()) {
            return List.of();
        }
        List<String> enabled = snapshot.directoryService().enabledOptionalFeatures();
        String partitions = snapshot.domain().configurationNc().isEmpty()
                ? "CN=Partitions" : "CN=Partitions," + snapshot.domain().configurationNc();
        return List.of(new Evidence(partitions, "Recycle Bin Feature", null)
                .with("msDS-EnabledFeature", enabled.isEmpty() ? "(none)" : String.join("; ", enabled)));
    }
}
