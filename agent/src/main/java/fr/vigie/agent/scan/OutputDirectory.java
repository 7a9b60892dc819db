package fr.vigie.agent.scan;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The directory of one audit, {@code <root>/<domain-dns>-<yyyyMMdd-HHmmss>}, and the private files written in it.
 * On POSIX systems the directory is created 0700 and every file 0600 (reports name every weak account of the
 * domain); elsewhere they inherit the ACLs of the root, which should therefore be readable by administrators only.
 * Files are written to a temporary name and atomically renamed, so a reader never sees half a report.
 *
 * <p>Immutable; the files it writes are not synchronized (one writer per audit).
 */
public final class OutputDirectory {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final int MAX_SUFFIX = 100;

    private final Path dir;

    private OutputDirectory(Path dir) {
        this.dir = dir;
    }

    public Path path() {
        return dir;
    }

    /**
     * Creates a new, empty audit directory under {@code root} (created too when missing). When the name is taken
     * (two audits in the same second), "-2", "-3"... is appended.
     *
     * @param root    the {@code --out} directory
     * @param dnsName the domain's DNS name (sanitized: anything but letters, digits, dot and dash becomes '_')
     * @param at      the time in the name
     * @param zone    the zone of the time in the name
     * @throws OutputWriteException when the directory cannot be created
     */
    public static OutputDirectory create(Path root, String dnsName, Instant at, ZoneId zone)
            throws OutputWriteException {
        try {
            Files.createDirectories(root, dirAttributes());
        } catch (FileAlreadyExistsException e) {
            throw new OutputWriteException(root, new IOException("it exists and is not a directory", e));
        } catch (IOException e) {
            throw new OutputWriteException(root, e);
        }
        String base = sanitize(dnsName) + "-" + STAMP.format(at.atZone(zone));
        for (int i = 1; i <= MAX_SUFFIX; i++) {
            Path candidate = root.resolve(i == 1 ? base : base + "-" + i);
            try {
                return new OutputDirectory(Files.createDirectory(candidate, dirAttributes()));
            } catch (FileAlreadyExistsException e) {
                // taken: try the next suffix
            } catch (IOException e) {
                throw new OutputWriteException(candidate, e);
            }
        }
        throw new OutputWriteException(root.resolve(base), new IOException("too many audits with this name"));
    }

    /** A file name component from a DNS name: safe on every file system, never empty, never "." or "..". */
    static String sanitize(String dnsName) {
        String s = dnsName == null ? "" : dnsName.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "_");
        s = s.replaceAll("^[.]+", "");
        if (s.length() > 100) {
            s = s.substring(0, 100);
        }
        return s.isEmpty() ? "domain" : s;
    }

    /** Writes what it is given to a body. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes a private file (0600 on POSIX) atomically.
     *
     * @return the file's path
     * @throws OutputWriteException naming the file when it cannot be written
     */
    public Path write(String name, Body body) throws OutputWriteException {
        Path file = dir.resolve(name);
        Path tmp = dir.resolve("." + name + ".tmp");
        try {
            Files.deleteIfExists(tmp);
            if (POSIX) {
                Files.createFile(tmp,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(tmp);
            }
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                body.writeTo(out);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the original failure is what matters
            }
            throw new OutputWriteException(file, e);
        }
    }

    private static FileAttribute<?>[] dirAttributes() {
        return POSIX ? new FileAttribute<?>[] {
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))
        } : new FileAttribute<?>[0];
    }
}
