package fr.vigie.snapshot.host;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a backup location with the attributes that decide who can read, change or delete it. Immutable.
 *
 * @param path        absolute path
 * @param kind        what it is
 * @param format      the detected format: "veeam-full" (.vbk), "veeam-incremental" (.vib), "veeam-reverse" (.vrb),
 *                    "veeam-metadata" (.vbm), "veeam-config" (.bco), "sql-bak" (.bak), "acronis" (.tib/.tibx),
 *                    "ntbackup" (.bkf), "windows-image", "borg", "restic", "archive" (.tar.gz, ...),
 *                    "directory"
 * @param modified    last modification time ({@code lstat} mtime; for a repository, the newest file inside)
 * @param size        size in bytes (0 for directories)
 * @param permissions POSIX permission bits in octal with the special bits ("0640", "1777"); empty on Windows or
 *                    when unreadable
 * @param owner       owner user name (or uid when it has no name); empty when unknown
 * @param group       owning group; empty when unknown
 * @param immutable   the immutable attribute ({@code FS_IMMUTABLE_FL}, {@code chattr +i}): true, false, or empty
 *                    when it could not be read (file system without attributes, not supported, error)
 * @param acl         NTFS DACL on Windows; empty on Linux
 */
public record BackupItem(String path, BackupItemKind kind, String format, Optional<Instant> modified, long size,
                         Optional<String> permissions, Optional<String> owner, Optional<String> group,
                         Optional<Boolean> immutable, List<AccessEntry> acl) {
    public BackupItem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        format = Lists.text(format);
        modified = Lists.opt(modified);
        permissions = Lists.opt(permissions);
        owner = Lists.opt(owner);
        group = Lists.opt(group);
        immutable = Lists.opt(immutable);
        acl = Lists.copy(acl);
    }

    /** The permission bits as a number, or -1 when unknown or malformed. */
    public int modeBits() {
        if (permissions.isEmpty()) {
            return -1;
        }
        try {
            return Integer.parseInt(permissions.get(), 8);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
