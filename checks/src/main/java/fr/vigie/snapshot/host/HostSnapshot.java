package fr.vigie.snapshot.host;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything collected from the host the agent runs on, frozen: the input of the host checks, beside the
 * directory snapshot. Written as a versioned JSON document ({@link HostSnapshotJson}). Nothing here is a finding:
 * the collector records facts, the checks decide. Immutable and thread-safe.
 *
 * @param schemaVersion    version of this document's shape ({@link #SCHEMA_VERSION})
 * @param collectedAt      when collection started: the "now" of every host check (no check reads the clock)
 * @param hostName         the host's name (OSHI {@code NetworkParams.getHostName()})
 * @param os               operating system
 * @param domain           domain membership
 * @param mounts           mounted file systems
 * @param nfsExports       NFS exports of the host
 * @param sambaShares      Samba shares of the host
 * @param windowsShares    Windows shares of the host with their share and NTFS ACLs
 * @param services         services with the account they run as
 * @param processes        running processes with their user
 * @param backupSoftware   backup software found
 * @param backupLocations  backup locations scanned
 * @param offlineMedia     removable or offline media the host can write backups to (tape drives from
 *                         {@code /sys/class/scsi_tape}); a hint that an offline copy may exist, never a proof
 * @param steps            how each collection step ended; a source missing from this list counts as not collected
 */
public record HostSnapshot(
        int schemaVersion,
        Instant collectedAt,
        String hostName,
        OsInfo os,
        DomainMembership domain,
        List<MountedFileSystem> mounts,
        List<NfsExport> nfsExports,
        List<SambaShare> sambaShares,
        List<WindowsShare> windowsShares,
        List<HostService> services,
        List<HostProcess> processes,
        List<BackupSoftware> backupSoftware,
        List<BackupLocation> backupLocations,
        List<String> offlineMedia,
        List<HostCollectionStep> steps) {

    /** Current shape of the document. Readers refuse other versions with a clear message. */
    public static final int SCHEMA_VERSION = 1;

    public HostSnapshot {
        Objects.requireNonNull(collectedAt, "collectedAt");
        hostName = Lists.text(hostName);
        os = os == null ? OsInfo.unknown() : os;
        domain = domain == null ? DomainMembership.notJoined() : domain;
        mounts = Lists.copy(mounts);
        nfsExports = Lists.copy(nfsExports);
        sambaShares = Lists.copy(sambaShares);
        windowsShares = Lists.copy(windowsShares);
        services = Lists.copy(services);
        processes = Lists.copy(processes);
        backupSoftware = Lists.copy(backupSoftware);
        backupLocations = Lists.copy(backupLocations);
        offlineMedia = Lists.copy(offlineMedia);
        steps = Lists.copy(steps);
    }

    /** The record of a step, when it was recorded. */
    public Optional<HostCollectionStep> step(HostDataSource source) {
        return steps.stream().filter(s -> s.source() == source).findFirst();
    }

    /** Sources whose step finished. */
    public Set<HostDataSource> completeSources() {
        Set<HostDataSource> out = EnumSet.noneOf(HostDataSource.class);
        for (HostCollectionStep s : steps) {
            if (s.isComplete()) {
                out.add(s.source());
            }
        }
        return out;
    }

    /** Sources that are missing, failed or skipped. */
    public Set<HostDataSource> missingSources() {
        Set<HostDataSource> out = EnumSet.allOf(HostDataSource.class);
        out.removeAll(completeSources());
        return out;
    }

    /** True when every collection step finished. */
    public boolean isComplete() {
        return missingSources().isEmpty();
    }
}
