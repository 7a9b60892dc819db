package fr.vigie.checks.backup.host;

import fr.vigie.checks.host.HostCheck;
import java.util.List;

/**
 * The host-side backup checks, in catalogue order. Rules: ruleset rules/backup-host.yaml (category BACKUP, scored on
 * the backup maturity scale).
 */
public final class HostBackupChecks {
    private HostBackupChecks() {}

    public static List<HostCheck> all() {
        return List.of(
                new BackupRepoMountedReadWrite(),
                new BackupShareOpenWrite(),
                new BackupServiceDomainAdmin(),
                new BackupNfsExportOpen(),
                new BackupFilesWorldWritable(),
                new BackupStale(),
                new BackupFilesWorldReadable(),
                new BackupHostDomainJoined(),
                new BackupNoImmutableCopy());
    }
}
