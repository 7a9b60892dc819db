package fr.vigie.agent.collect.host;

import fr.vigie.snapshot.host.BackupItem;
import fr.vigie.snapshot.host.BackupItemKind;
import fr.vigie.snapshot.host.BackupLocation;
import fr.vigie.snapshot.host.LocationStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Scans one backup location for backups of known formats and records, for each backup and each folder holding
 * them, the permissions, owner and immutable attribute. The walk runs in a time-boxed worker: a location on a hung
 * network mount gives {@link LocationStatus#TIMED_OUT} (or {@link LocationStatus#PARTIAL} with what was read before)
 * and a note, never a hang. Unreadable entries are noted and make the location partial. Symbolic links are not
 * followed. Thread-safe: each scan has its own state.
 */
final class BackupLocationScanner {
    /** Backup file extensions (longest first) and their format. */
    static final List<Map.Entry<String, String>> EXTENSIONS = List.of(
            Map.entry(".tar.gz", "archive"), Map.entry(".tar.zst", "archive"), Map.entry(".tar.xz", "archive"),
            Map.entry(".tar.bz2", "archive"), Map.entry(".sql.gz", "database-dump"),
            Map.entry(".vbk", "veeam-full"), Map.entry(".vib", "veeam-incremental"),
            Map.entry(".vrb", "veeam-reverse"), Map.entry(".vbr", "veeam"), Map.entry(".vbm", "veeam-metadata"),
            Map.entry(".vsb", "veeam-synthetic"), Map.entry(".bco", "veeam-config"), Map.entry(".bak", "sql-bak"),
            Map.entry(".tib", "acronis"), Map.entry(".tibx", "acronis"), Map.entry(".bkf", "ntbackup"),
            Map.entry(".tgz", "archive"), Map.entry(".tar", "archive"), Map.entry(".dump", "database-dump"));
    private static final String IMAGE_FOLDER = "windowsimagebackup";

    private final FileSecurity security;
    private final int maxItems;
    private final int maxDepth;
    private final Duration timeout;

    BackupLocationScanner(FileSecurity security, int maxItems, int maxDepth, Duration timeout) {
        this.security = security;
        this.maxItems = maxItems;
        this.maxDepth = maxDepth;
        this.timeout = timeout;
    }

    /** The format of a backup file from its name, or empty when it is not one. */
    static Optional<String> formatOf(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> e : EXTENSIONS) {
            if (n.endsWith(e.getKey()) && n.length() > e.getKey().length()) {
                return Optional.of(e.getValue());
            }
        }
        return Optional.empty();
    }

    /** Scans the location; never throws and never waits longer than the time limit (plus a little). */
    BackupLocation scan(Path location, boolean configured) {
        State state = new State();
        TimeBox.Outcome<LocationStatus> outcome = TimeBox.run("scan", timeout, () -> walk(location, state));
        List<BackupItem> items;
        List<String> notes;
        synchronized (state) {
            items = List.copyOf(state.items);
            notes = new ArrayList<>(state.notes);
        }
        LocationStatus status;
        if (outcome.ok()) {
            status = outcome.value().get();
        } else if (outcome.timedOut()) {
            notes.add(outcome.problem(location.toString(), timeout));
            status = items.isEmpty() ? LocationStatus.TIMED_OUT : LocationStatus.PARTIAL;
        } else {
            notes.add(outcome.problem(location.toString(), timeout));
            status = items.isEmpty() ? LocationStatus.UNREADABLE : LocationStatus.PARTIAL;
        }
        Optional<BackupItem> newest = items.stream().filter(i -> i.kind().isBackup() && i.modified().isPresent())
                .max((a, b) -> a.modified().get().compareTo(b.modified().get()));
        long count = items.stream().filter(i -> i.kind().isBackup()).count();
        return new BackupLocation(location.toString(), configured, status, notes, count,
                newest.map(BackupItem::path), newest.flatMap(BackupItem::modified), items);
    }

    private static final class State {
        final List<BackupItem> items = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        final Set<Path> directories = new HashSet<>();
        boolean partial;

        synchronized void add(BackupItem i) {
            items.add(i);
        }

        synchronized void note(String n) {
            notes.add(n);
        }

        synchronized int size() {
            return items.size();
        }
    }

    private LocationStatus walk(Path location, State state) throws IOException {
        if (!Files.exists(location, LinkOption.NOFOLLOW_LINKS)) {
            if (Files.notExists(location, LinkOption.NOFOLLOW_LINKS)) {
                state.note(location + ": does not exist");
                return LocationStatus.MISSING;
            }
            state.note(location + ": cannot be read (existence cannot be determined)");
            return LocationStatus.UNREADABLE;
        }
        Path root = location.toRealPath();
        if (!Files.isDirectory(root)) {
            state.note(location + ": not a directory");
            return LocationStatus.UNREADABLE;
        }
        try (DirectoryStream<Path> probe = Files.newDirectoryStream(root)) {
            probe.iterator().hasNext();
        } catch (AccessDeniedException e) {
            state.add(item(root, BackupItemKind.DIRECTORY, "directory", Optional.empty(), 0));
            state.note(location + ": permission denied");
            return LocationStatus.UNREADABLE;
        }
        Files.walkFileTree(root, EnumSet.noneOf(FileVisitOption.class), maxDepth, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (full(state)) {
                    return FileVisitResult.TERMINATE;
                }
                if (dir.equals(root)) {
                    directory(dir, attrs, state);
                    return FileVisitResult.CONTINUE;
                }
                Optional<String> repo = repositoryFormat(dir);
                if (dir.getFileName().toString().toLowerCase(Locale.ROOT).equals(IMAGE_FOLDER)) {
                    state.add(item(dir, BackupItemKind.IMAGE_FOLDER, "windows-image", newestInside(dir, state), 0));
                    directory(dir.getParent(), null, state);
                    return FileVisitResult.SKIP_SUBTREE;
                }
                if (repo.isPresent()) {
                    state.add(item(dir, BackupItemKind.REPOSITORY, repo.get(), newestInside(dir, state), 0));
                    directory(dir.getParent(), null, state);
                    repositoryFiles(dir, repo.get(), state);
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (full(state)) {
                    return FileVisitResult.TERMINATE;
                }
                if (!attrs.isRegularFile()) {
                    return FileVisitResult.CONTINUE;
                }
                Optional<String> format = formatOf(file.getFileName().toString());
                if (format.isPresent()) {
                    state.add(item(file, BackupItemKind.FILE, format.get(),
                            Optional.of(attrs.lastModifiedTime().toInstant()), attrs.size()));
                    directory(file.getParent(), null, state);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                state.partial = true;
                state.note(file + ": " + TimeBox.describe(e));
                return FileVisitResult.CONTINUE;
            }
        });
        if (full(state)) {
            state.partial = true;
            state.note(location + ": stopped after " + maxItems + " entries (scan limit); the newest backup may "
                    + "not have been seen");
        }
        return state.partial ? LocationStatus.PARTIAL : LocationStatus.SCANNED;
    }

    private boolean full(State state) {
        return state.size() >= maxItems;
    }

    private void directory(Path dir, BasicFileAttributes attrs, State state) {
        synchronized (state) {
            if (!state.directories.add(dir)) {
                return;
            }
        }
        Optional<Instant> modified = Optional.empty();
        try {
            BasicFileAttributes a = attrs != null ? attrs
                    : Files.readAttributes(dir, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            modified = Optional.of(a.lastModifiedTime().toInstant());
        } catch (IOException e) {
            state.note(dir + ": " + TimeBox.describe(e));
        }
        state.add(item(dir, BackupItemKind.DIRECTORY, "directory", modified, 0));
    }

    /** "borg" when {@code config} starts with {@code [repository]}; "restic" for {@code config}+{@code keys/}+{@code data/}. */
    static Optional<String> repositoryFormat(Path dir) {
        Path config = dir.resolve("config");
        if (!Files.isRegularFile(config, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        byte[] head = new byte[64];
        int n = 0;
        try (InputStream in = Files.newInputStream(config)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            n = 0;
        }
        if (new String(head, 0, Math.max(n, 0), StandardCharsets.UTF_8).stripLeading().startsWith("[repository]")) {
            return Optional.of("borg");
        }
        if (Files.isDirectory(dir.resolve("keys"), LinkOption.NOFOLLOW_LINKS)
                && Files.isDirectory(dir.resolve("data"), LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of("restic");
        }
        return Optional.empty();
    }

    private void repositoryFiles(Path repo, String format, State state) {
        List<Path> files = new ArrayList<>();
        files.add(repo.resolve("config"));
        if (format.equals("restic")) {
            try (DirectoryStream<Path> keys = Files.newDirectoryStream(repo.resolve("keys"))) {
                keys.forEach(files::add);
            } catch (IOException e) {
                state.partial = true;
                state.note(repo.resolve("keys") + ": " + TimeBox.describe(e));
            }
        }
        Collections.sort(files);
        for (Path f : files) {
            try {
                BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (a.isRegularFile()) {
                    state.add(item(f, BackupItemKind.REPOSITORY_FILE, format + "-" + (f.getParent().equals(repo)
                            ? "config" : "key"), Optional.of(a.lastModifiedTime().toInstant()), a.size()));
                }
            } catch (IOException e) {
                state.partial = true;
                state.note(f + ": " + TimeBox.describe(e));
            }
        }
    }

    /** The newest modification time of the regular files below a repository or image folder (bounded walk). */
    private Optional<Instant> newestInside(Path dir, State state) {
        FileTime[] newest = {null};
        int[] seen = {0};
        int limit = maxItems * 10;
        try {
            Files.walkFileTree(dir, EnumSet.noneOf(FileVisitOption.class), maxDepth, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && (newest[0] == null || attrs.lastModifiedTime().compareTo(newest[0]) > 0)) {
                        newest[0] = attrs.lastModifiedTime();
                    }
                    return ++seen[0] >= limit ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    state.partial = true;
                    state.note(file + ": " + TimeBox.describe(e));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            state.partial = true;
            state.note(dir + ": " + TimeBox.describe(e));
        }
        return Optional.ofNullable(newest[0]).map(FileTime::toInstant);
    }

    private BackupItem item(Path p, BackupItemKind kind, String format, Optional<Instant> modified, long size) {
        Optional<String> permissions = Optional.empty();
        Optional<String> owner = Optional.empty();
        Optional<String> group = Optional.empty();
        try {
            Map<String, Object> unix = Files.readAttributes(p, "unix:mode,owner,group", LinkOption.NOFOLLOW_LINKS);
            permissions = Optional.of(String.format("%04o", ((Integer) unix.get("mode")) & 07777));
            owner = Optional.of(unix.get("owner").toString());
            group = Optional.of(unix.get("group").toString());
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            try {
                owner = Optional.of(Files.getOwner(p, LinkOption.NOFOLLOW_LINKS).getName());
            } catch (IOException | UnsupportedOperationException ignored) {
                owner = Optional.empty();
            }
        } catch (NoSuchFileException e) {
            return new BackupItem(p.toString(), kind, format, modified, size, permissions, owner, group,
                    Optional.empty(), List.of());
        } catch (IOException e) {
            // permissions and owner stay unknown (empty) for this item
        }
        return new BackupItem(p.toString(), kind, format, modified, size, permissions, owner, group,
                security.immutable(p), security.acl(p));
    }
}
