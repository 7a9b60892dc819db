package fr.vigie.checks.backup.host;

import fr.vigie.snapshot.host.BackupItem;
import fr.vigie.snapshot.host.BackupLocation;
import fr.vigie.snapshot.host.HostSnapshot;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides whether a share, export or mount holds backups, and says why: its name or path matches one of the
 * rule's {@code backupPatterns}, it contains or lies inside a configured backup location, or the scan found
 * backups under it. Stateless.
 */
final class BackupTargets {
    private BackupTargets() {}

    /**
     * Why the object (share, export, mount) with these name and path holds backups, or empty when nothing says so.
     *
     * @param name     share name, mount source or export path (may be empty)
     * @param path     local path of the share, export or mount point
     * @param patterns case-insensitive substrings ({@code backupPatterns} threshold)
     */
    static Optional<String> reason(String name, String path, HostSnapshot host, List<String> patterns) {
        for (String p : patterns) {
            String needle = p.toLowerCase(Locale.ROOT);
            if (!name.isEmpty() && name.toLowerCase(Locale.ROOT).contains(needle)) {
                return Optional.of("name '" + name + "' matches backup pattern '" + p + "'");
            }
            if (!path.isEmpty() && path.toLowerCase(Locale.ROOT).contains(needle)) {
                return Optional.of("path '" + path + "' matches backup pattern '" + p + "'");
            }
        }
        if (path.isEmpty()) {
            return Optional.empty();
        }
        for (BackupLocation l : host.backupLocations()) {
            if (contains(path, l.path())) {
                return Optional.of("contains the backup location " + l.path());
            }
            if (contains(l.path(), path)) {
                return Optional.of("lies inside the backup location " + l.path());
            }
            for (BackupItem i : l.items()) {
                if (i.kind().isBackup() && contains(path, i.path())) {
                    return Optional.of("holds backups found by the scan (e.g. " + i.path() + ")");
                }
            }
        }
        return Optional.empty();
    }

    /** True when {@code inner} is {@code outer} or lies below it (Windows paths compared case-insensitively). */
    static boolean contains(String outer, String inner) {
        String o = normalize(outer);
        String i = normalize(inner);
        if (o.isEmpty() || i.isEmpty()) {
            return false;
        }
        if (o.equals("/")) {
            return i.startsWith("/");
        }
        return i.equals(o) || i.startsWith(o + "/");
    }

    private static String normalize(String path) {
        String p = path.replace('\\', '/');
        boolean windows = p.length() >= 2 && p.charAt(1) == ':' || p.startsWith("//");
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return windows ? p.toLowerCase(Locale.ROOT) : p;
    }
}
