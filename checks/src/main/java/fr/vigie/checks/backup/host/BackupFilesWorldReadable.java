package fr.vigie.checks.backup.host;

import fr.vigie.snapshot.host.AccessRights;
import fr.vigie.snapshot.host.BackupItem;
import fr.vigie.snapshot.host.BackupItemKind;
import fr.vigie.snapshot.host.HostDataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Backup files, or the files that protect a repository (borg {@code config}, restic {@code keys/*}), can be read by
 * every local user (POSIX "other" read bit; on Windows a read right for a wide trustee): a backup holds every
 * patient record and password hash of the systems it saves, and readable repository keys allow offline guessing of
 * the passphrase.
 */
public final class BackupFilesWorldReadable extends BackupItemCheck {
    public BackupFilesWorldReadable() {
        super("world-readable backup files");
    }

    @Override
    public String ruleId() {
        return "backup-files-world-readable";
    }

    @Override
    public Set<HostDataSource> requires() {
        return Set.of(HostDataSource.BACKUP_LOCATIONS);
    }

    @Override
    List<String> problems(BackupItem i) {
        List<String> why = new ArrayList<>();
        int mode = i.modeBits();
        boolean file = i.kind() == BackupItemKind.FILE || i.kind() == BackupItemKind.REPOSITORY_FILE;
        if (file && mode >= 0 && (mode & 0004) != 0) {
            why.add("readable by others");
        }
        if (i.kind() != BackupItemKind.DIRECTORY) {
            why.addAll(WideTrustees.granting(i.acl(), AccessRights::grantsRead));
        }
        return why;
    }
}
