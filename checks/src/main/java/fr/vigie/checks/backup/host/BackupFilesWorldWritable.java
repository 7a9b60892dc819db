package fr.vigie.checks.backup.host;

import fr.vigie.checks.Evidence;
import fr.vigie.checks.host.HostCheck;
import fr.vigie.checks.host.HostCheckContext;
import fr.vigie.checks.index.DirectoryIndex;
import fr.vigie.snapshot.host.AccessRights;
import fr.vigie.snapshot.host.BackupItem;
import fr.vigie.snapshot.host.BackupLocation;
import fr.vigie.snapshot.host.HostDataSource;
import fr.vigie.snapshot.host.HostSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Backup files, repositories or the folders holding them are writable by every local user (POSIX "other" write
 * bit; on Windows a write right for Everyone, Users, Authenticated Users...): any compromised account of the host
 * can overwrite, encrypt or, for folders, delete the backups. A folder with the sticky bit still lets anyone fill
 * it and is reported with that mention.
 */
public final class BackupFilesWorldWritable implements HostCheck {
    @Override
    public String ruleId() {
        return "backup-files-world-writable";
    }

    @Override
    public Set<HostDataSource> requires() {
        return Set.of(HostDataSource.BACKUP_LOCATIONS);
    }

    @Override
    public List<Evidence> evaluate(HostSnapshot host, Optional<DirectoryIndex> directory, HostCheckContext context) {
        CappedEvidence out = new CappedEvidence("world-writable backup files and folders");
        for (BackupLocation l : host.backupLocations()) {
            for (BackupItem i : l.items()) {
                int mode = i.modeBits();
                List<String> why = new ArrayList<>();
                if (mode >= 0 && (mode & 0002) != 0) {
                    why.add((mode & 01000) != 0 ? "writable by others (sticky bit: others cannot delete files "
                            + "they do not own)" : "writable by others");
                }
                why.addAll(WideTrustees.granting(i.acl(), AccessRights::grantsWrite));
                if (!why.isEmpty()) {
                    out.add(ItemEvidence.of(i, l).with("problem", String.join("; ", why)));
                }
            }
        }
        return out.list();
    }
}
