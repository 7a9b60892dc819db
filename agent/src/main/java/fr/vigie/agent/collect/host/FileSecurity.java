package fr.vigie.agent.collect.host;

import fr.vigie.snapshot.host.AccessEntry;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The OS-specific security attributes of a scanned file: the immutable flag (Linux) and the NTFS ACL (Windows).
 * Implementations may block on a hung file system: callers run them inside a time-boxed worker.
 */
interface FileSecurity {
    /** The immutable attribute, or empty when it cannot be read. */
    Optional<Boolean> immutable(Path file);

    /** The DACL, or empty on systems without ACLs or when it cannot be read. */
    List<AccessEntry> acl(Path file);

    /** Linux: inode flags, no ACL. */
    static FileSecurity linux(LinuxFileFlags flags) {
        return new FileSecurity() {
            @Override
            public Optional<Boolean> immutable(Path file) {
                return flags.immutable(file);
            }

            @Override
            public List<AccessEntry> acl(Path file) {
                return List.of();
            }
        };
    }

    /** Nothing readable (other systems). */
    static FileSecurity none() {
        return new FileSecurity() {
            @Override
            public Optional<Boolean> immutable(Path file) {
                return Optional.empty();
            }

            @Override
            public List<AccessEntry> acl(Path file) {
                return List.of();
            }
        };
    }
}
