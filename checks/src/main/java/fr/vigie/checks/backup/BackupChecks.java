package fr.vigie.checks.backup;

import fr.vigie.checks.Check;
import java.util.List;

/** The directory-side backup checks, in catalogue order. Rules: ruleset rules/backup.yaml (category BACKUP). */
public final class BackupChecks {
    private BackupChecks() {}

    public static List<Check> all() {
        return List.of(
                new AdBackupTooOldForRestore(),
                new AdBackupOld(),
                new BackupOperatorsMembers(),
                new BackupRecycleBinDisabled(),
                new SingleWritableDc(),
                new BackupServiceAccountPrivileged(),
                new BackupServiceAccountWeak(),
                new BackupServerDelegation(),
                new BackupServerDomainJoined(),
                new BackupServerWithoutLaps());
    }
}
