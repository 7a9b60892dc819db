package fr.vigie.checks.backup.host;

import fr.vigie.checks.Evidence;
import fr.vigie.checks.host.HostCheck;
import fr.vigie.checks.host.HostCheckContext;
import fr.vigie.checks.index.DirectoryIndex;
import fr.vigie.snapshot.host.HostDataSource;
import fr.vigie.snapshot.host.HostSnapshot;
import fr.vigie.snapshot.host.MountedFileSystem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A network file system that holds backups (NFS, SMB/CIFS, sshfs, an iSCSI disk, a Windows mapped drive) is
 * mounted read-write on this host: ransomware running here with the host's rights encrypts or deletes the backups
 * as easily as the production data. The repository is recognised by the {@code backupPatterns} in its mount point
 * or source, or because a configured backup location lies on it.
 */
public final class BackupRepoMountedReadWrite implements HostCheck {
    @Override
    public String ruleId() {
        return "backup-repo-mounted-rw";
    }

    @Override
    public Set<HostDataSource> requires() {
        return Set.of(HostDataSource.MOUNTS);
    }

    @Override
    public List<Evidence> evaluate(HostSnapshot host, Optional<DirectoryIndex> directory, HostCheckContext context) {
        List<String> networkTypes = context.listThreshold("networkFsTypes");
        List<String> patterns = context.listThreshold("backupPatterns");
        List<Evidence> out = new ArrayList<>();
        for (MountedFileSystem m : host.mounts()) {
            if (m.readOnly()) {
                continue;
            }
            Optional<String> network = networkKind(m, networkTypes);
            if (network.isEmpty()) {
                continue;
            }
            Optional<String> reason = BackupTargets.reason(m.source(), m.mountPoint(), host, patterns);
            if (reason.isEmpty()) {
                continue;
            }
            out.add(new Evidence(m.mountPoint(), m.source(), null)
                    .with("type", m.type())
                    .with("network", network.get())
                    .with("mode", "read-write")
                    .with("options", String.join(",", m.options()))
                    .with("why a backup repository", reason.get())
                    .with("read from", m.origin()));
        }
        return out;
    }

    /** The network kind of the mount ("nfs4", "iscsi"...), or empty for a local file system. */
    private static Optional<String> networkKind(MountedFileSystem m, List<String> networkTypes) {
        if (m.transport().isPresent()) {
            return m.transport();
        }
        String type = m.type().toLowerCase(Locale.ROOT);
        for (String t : networkTypes) {
            if (type.equals(t.toLowerCase(Locale.ROOT))) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
