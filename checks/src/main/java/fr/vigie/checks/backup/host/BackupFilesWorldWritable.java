package fr.vigie.checks.backup.host;

import fr.vigie.snapshot.host.AccessRights;
import fr.vigie.snapshot.host.BackupItem;
import fr.vigie.snapshot.host.HostDataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Backup files, repositories or the folders holding them are writable by every local user (POSIX "other" write
 * bit; on Windows a write right for Everyone, Users, Authenticated Users...): any compromised account of the host
 * can overwrite, encrypt or, for folders, delete the backups. A folder with the sticky bit still lets anyone fill
 * it and is reported with that mention.
 */
public final class BackupFilesWorldWritable extends BackupItemCheck {
    public BackupFilesWorldWritable() {
        super("world-writable backup files and folders");
    }

    @Override
    public String ruleId() {
        return "backup-files-world-writable";
    }

    @Override
    public Set<HostDataSource> requires() {
        return Set.of(HostDataSource.BACKUP_LOCATIONS);
    }

    @Override
    List<String> problems(BackupItem i) {
        int mode = i.modeBits();
        List<String> why = new ArrayList<>();
        if (mode >= 0 && (mode & 0002) != 0) {
            why.add((mode & 01000) != 0 ? "writable by others (sticky bit: others cannot delete files "
                    + "they do not own)" : "writable by others");
        }
        why.addAll(WideTrustees.granting(i.acl(), AccessRights::grantsWrite));
        return why;
    }
}
