package fr.vigie.snapshot.host;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One mounted file system as the kernel (or Windows) sees it. Immutable.
 *
 * @param mountPoint where it is mounted (Linux path, or a drive letter such as "Z:")
 * @param type       file system type ({@code ext4}, {@code nfs4}, {@code cifs}, {@code fuse.sshfs}; "smb" for a
 *                   Windows mapped drive)
 * @param source     what is mounted: device, {@code server:/export}, {@code //server/share}, {@code \\server\share}
 * @param readOnly   mounted read-only (mountinfo per-mount or super-block option {@code ro}); false for a Windows
 *                   mapped drive, which has no read-only flag of its own
 * @param options    mount options (per-mount then super-block options, without duplicates)
 * @param transport  for a block device behind a network transport, the transport (e.g. "iscsi", from
 *                   {@code /sys/class/block/<dev>} resolving under an iSCSI session); empty otherwise
 * @param origin     where this entry was read: "/proc/self/mountinfo", "oshi", "mapped drive"
 */
public record MountedFileSystem(String mountPoint, String type, String source, boolean readOnly, List<String> options,
                                Optional<String> transport, String origin) {
    public MountedFileSystem {
        Objects.requireNonNull(mountPoint, "mountPoint");
        type = Lists.text(type);
        source = Lists.text(source);
        options = Lists.copy(options);
        transport = Lists.opt(transport);
        origin = Lists.text(origin);
    }
}
