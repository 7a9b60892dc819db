package fr.vigie.snapshot.host;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One backup location of the host and what its scan found. Immutable.
 *
 * @param path           the location (a directory, possibly on a network mount)
 * @param configured     true when the site configured it; false when it was discovered (a share or mount that
 *                       looked like a backup target)
 * @param status         how the scan ended
 * @param notes          what went wrong or was limited, for the administrator ("/srv/bkp/x: permission denied",
 *                       "stopped after 10000 entries", "no answer within 10 s: hung network mount?")
 * @param backupCount    number of backups found (files, repositories, image folders)
 * @param newestPath     the most recently modified backup; empty when none was found
 * @param newestModified its modification time
 * @param items          the backups, the repository files that protect them, and the directories holding them
 *                       (the location first), up to the scan's item limit
 */
public record BackupLocation(String path, boolean configured, LocationStatus status, List<String> notes,
                             long backupCount, Optional<String> newestPath, Optional<Instant> newestModified,
                             List<BackupItem> items) {
    public BackupLocation {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(status, "status");
        notes = Lists.copy(notes);
        newestPath = Lists.opt(newestPath);
        newestModified = Lists.opt(newestModified);
        items = Lists.copy(items);
    }

    /** A location that could not be read at all. */
    public static BackupLocation unreadable(String path, boolean configured, LocationStatus status, String note) {
        return new BackupLocation(path, configured, status, List.of(note), 0, Optional.empty(), Optional.empty(),
                List.of());
    }
}
