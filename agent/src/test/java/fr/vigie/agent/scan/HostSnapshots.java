package fr.vigie.agent.scan;

import fr.vigie.snapshot.host.BackupItem;
import fr.vigie.snapshot.host.BackupItemKind;
import fr.vigie.snapshot.host.BackupLocation;
import fr.vigie.snapshot.host.DomainMembership;
import fr.vigie.snapshot.host.HostCollectionStep;
import fr.vigie.snapshot.host.HostDataSource;
import fr.vigie.snapshot.host.HostSnapshot;
import fr.vigie.snapshot.host.LocationStatus;
import fr.vigie.snapshot.host.MountedFileSystem;
import fr.vigie.snapshot.host.OsFamily;
import fr.vigie.snapshot.host.OsInfo;
import fr.vigie.snapshot.host.SambaShare;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Host snapshots for the agent's tests: a backup server "bkp-srv01" collected at {@link AgentSnapshots#AS_OF}, every
 * step complete, with planted problems: a world-writable backup file 10 days old (whose name holds markup), a
 * guest-writable Samba share of the backup folder, and an NFS backup repository mounted read-write.
 */
public final class HostSnapshots {
    public static final String HOST = "bkp-srv01.ch-test.local";
    public static final String LOCATION = "/srv/sauvegardes-chu";
    /** A backup file whose name holds markup, to test escaping. */
    public static final String WRITABLE_FILE = LOCATION + "/<b>paie</b>-2026.vbk";
    public static final String SHARE = "sauvegarde-compta";
    public static final String NFS_SERVER = "nas-sauvegarde.ch-test.local";
    public static final String NFS_ADDRESS = "10.20.30.40";
    public static final String NOTE = LOCATION + "/prive: permission denied";

    private HostSnapshots() {}

    public static HostSnapshot backupServer() {
        Instant at = AgentSnapshots.AS_OF;
        Instant tenDaysAgo = at.minus(Duration.ofDays(10));
        BackupItem file = new BackupItem(WRITABLE_FILE, BackupItemKind.FILE, "veeam-full", Optional.of(tenDaysAgo),
                4096, Optional.of("0666"), Optional.of("root"), Optional.of("backup"), Optional.of(false), List.of());
        BackupLocation location = new BackupLocation(LOCATION, true, LocationStatus.SCANNED, List.of(), 1,
                Optional.of(WRITABLE_FILE), Optional.of(tenDaysAgo), List.of(file));
        SambaShare share = new SambaShare(SHARE, LOCATION, true, true, List.of(), List.of(), List.of(), List.of(),
                Map.of());
        MountedFileSystem root = new MountedFileSystem("/", "ext4", "/dev/vda1", false, List.of("rw", "relatime"),
                Optional.empty(), "/proc/self/mountinfo");
        MountedFileSystem nfs = new MountedFileSystem("/mnt/backup", "nfs4", NFS_SERVER + ":/vol/backup", false,
                List.of("rw", "vers=4.2", "addr=" + NFS_ADDRESS), Optional.empty(), "/proc/self/mountinfo");
        List<HostCollectionStep> steps = new ArrayList<>();
        for (HostDataSource s : HostDataSource.values()) {
            steps.add(HostCollectionStep.complete(s, 1, s == HostDataSource.BACKUP_LOCATIONS ? List.of(NOTE)
                    : List.of()));
        }
        return new HostSnapshot(HostSnapshot.SCHEMA_VERSION, at, HOST,
                new OsInfo(OsFamily.LINUX, "Debian GNU/Linux", "12 (bookworm)"), DomainMembership.notJoined(),
                List.of(root, nfs), List.of(), List.of(share), List.of(), List.of(), List.of(), List.of(),
                List.of(location), List.of(), steps);
    }
}
