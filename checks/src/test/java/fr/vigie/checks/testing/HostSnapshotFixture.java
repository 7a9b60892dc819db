package fr.vigie.checks.testing;

import fr.vigie.snapshot.StepStatus;
import fr.vigie.snapshot.host.AccessEntry;
import fr.vigie.snapshot.host.BackupItem;
import fr.vigie.snapshot.host.BackupItemKind;
import fr.vigie.snapshot.host.BackupLocation;
import fr.vigie.snapshot.host.BackupSoftware;
import fr.vigie.snapshot.host.DetectionKind;
import fr.vigie.snapshot.host.DomainMembership;
import fr.vigie.snapshot.host.HostCollectionStep;
import fr.vigie.snapshot.host.HostDataSource;
import fr.vigie.snapshot.host.HostProcess;
import fr.vigie.snapshot.host.HostService;
import fr.vigie.snapshot.host.HostSnapshot;
import fr.vigie.snapshot.host.LocationStatus;
import fr.vigie.snapshot.host.MembershipEvidence;
import fr.vigie.snapshot.host.MembershipSource;
import fr.vigie.snapshot.host.MountedFileSystem;
import fr.vigie.snapshot.host.NfsClient;
import fr.vigie.snapshot.host.NfsExport;
import fr.vigie.snapshot.host.OsFamily;
import fr.vigie.snapshot.host.OsInfo;
import fr.vigie.snapshot.host.SambaShare;
import fr.vigie.snapshot.host.WindowsShare;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A small, mutable builder of host snapshots for host-check tests. {@link #linuxHost()} starts a clean, complete
 * Linux host "bkp01" (not joined, nothing mounted but /, no share, no backup software, no location) collected at
 * {@link SnapshotFixture#AS_OF}; add what the test needs, then {@link #build()}.
 *
 * <pre>
 * var h = HostSnapshotFixture.linuxHost();
 * h.mount("/mnt/backup", "nfs4", "nas:/backup", false);
 * List&lt;Evidence&gt; found = HostCheckHarness.evaluate(new BackupRepoMountedReadWrite(), h.build());
 * </pre>
 */
public final class HostSnapshotFixture {
    public static final Instant AS_OF = SnapshotFixture.AS_OF;

    private String hostName = "bkp01";
    private OsInfo os = new OsInfo(OsFamily.LINUX, "Debian GNU/Linux", "12 (bookworm)");
    private DomainMembership domain = DomainMembership.notJoined();
    private final List<MountedFileSystem> mounts = new ArrayList<>(List.of(
            new MountedFileSystem("/", "ext4", "/dev/vda", false, List.of("rw", "relatime"), Optional.empty(),
                    "/proc/self/mountinfo")));
    private final List<NfsExport> exports = new ArrayList<>();
    private final List<SambaShare> samba = new ArrayList<>();
    private final List<WindowsShare> windows = new ArrayList<>();
    private final List<HostService> services = new ArrayList<>();
    private final List<HostProcess> processes = new ArrayList<>();
    private final List<BackupSoftware> software = new ArrayList<>();
    private final List<BackupLocation> locations = new ArrayList<>();
    private final List<String> offlineMedia = new ArrayList<>();
    private final Map<HostDataSource, HostCollectionStep> steps = new EnumMap<>(HostDataSource.class);

    private HostSnapshotFixture() {}

    public static HostSnapshotFixture linuxHost() {
        return new HostSnapshotFixture();
    }

    public static HostSnapshotFixture windowsHost() {
        HostSnapshotFixture f = new HostSnapshotFixture();
        f.hostName = "VEEAM01";
        f.os = new OsInfo(OsFamily.WINDOWS, "Windows Server", "2022 build 20348");
        f.mounts.clear();
        return f;
    }

    /** {@link #AS_OF} minus this many hours. */
    public static Instant hoursAgo(long hours) {
        return AS_OF.minus(Duration.ofHours(hours));
    }

    public HostSnapshotFixture hostName(String name) {
        this.hostName = name;
        return this;
    }

    /** Joined to a domain, as read from {@code realm list}. */
    public HostSnapshotFixture joined(String domainName) {
        this.domain = new DomainMembership(true, Optional.of(domainName),
                List.of(new MembershipEvidence(MembershipSource.REALM, "domain-name: " + domainName)));
        return this;
    }

    public HostSnapshotFixture mount(String mountPoint, String type, String source, boolean readOnly) {
        mounts.add(new MountedFileSystem(mountPoint, type, source, readOnly,
                List.of(readOnly ? "ro" : "rw", "relatime"), Optional.empty(), "/proc/self/mountinfo"));
        return this;
    }

    public HostSnapshotFixture mount(MountedFileSystem m) {
        mounts.add(m);
        return this;
    }

    /** An export line: one client with its options, e.g. {@code export("/srv/backup", "*", "rw", "sync")}. */
    public HostSnapshotFixture export(String path, String client, String... options) {
        exports.add(new NfsExport(path, "/etc/exports", exports.size() + 1,
                List.of(new NfsClient(client, Arrays.asList(options)))));
        return this;
    }

    public HostSnapshotFixture samba(SambaShare share) {
        samba.add(share);
        return this;
    }

    /** A Samba share with the deciding parameters. */
    public HostSnapshotFixture samba(String name, String path, boolean guestOk, boolean writable,
                                     List<String> validUsers, List<String> writeList) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("path", path);
        params.put("read only", writable ? "No" : "Yes");
        if (guestOk) {
            params.put("guest ok", "Yes");
        }
        return samba(new SambaShare(name, path, guestOk, writable, validUsers, List.of(), writeList, List.of(),
                params));
    }

    public HostSnapshotFixture windowsShare(String name, String path, List<AccessEntry> shareAcl,
                                            List<AccessEntry> ntfsAcl) {
        windows.add(new WindowsShare(name, path, 0, shareAcl, ntfsAcl, List.of()));
        return this;
    }

    public HostSnapshotFixture windowsShare(WindowsShare share) {
        windows.add(share);
        return this;
    }

    public HostSnapshotFixture service(HostService service) {
        services.add(service);
        return this;
    }

    public HostSnapshotFixture process(HostProcess process) {
        processes.add(process);
        return this;
    }

    /** Backup software running as this account (SID or uid may be null). */
    public HostSnapshotFixture software(String product, DetectionKind kind, String name, String account,
                                        String userId) {
        software.add(new BackupSoftware(product, kind, name, Optional.ofNullable(account),
                Optional.ofNullable(userId)));
        return this;
    }

    public HostSnapshotFixture offlineMedium(String description) {
        offlineMedia.add(description);
        return this;
    }

    /** A scanned, configured location holding these items (the newest backup computed from them). */
    public HostSnapshotFixture location(String path, BackupItem... items) {
        return location(path, LocationStatus.SCANNED, items);
    }

    public HostSnapshotFixture location(String path, LocationStatus status, BackupItem... items) {
        List<BackupItem> list = List.of(items);
        Optional<BackupItem> newest = list.stream().filter(i -> i.kind().isBackup() && i.modified().isPresent())
                .max(Comparator.comparing(i -> i.modified().get()));
        long count = list.stream().filter(i -> i.kind().isBackup()).count();
        locations.add(new BackupLocation(path, true, status, List.of(), count, newest.map(BackupItem::path),
                newest.flatMap(BackupItem::modified), list));
        return this;
    }

    public HostSnapshotFixture location(BackupLocation location) {
        locations.add(location);
        return this;
    }

    /** A backup file item: format from its extension, mode like "0640", owner root, immutable unknown. */
    public static BackupItem file(String path, String mode, Instant modified) {
        return item(path, BackupItemKind.FILE, mode, modified, Optional.empty());
    }

    public static BackupItem item(String path, BackupItemKind kind, String mode, Instant modified,
                                  Optional<Boolean> immutable) {
        return new BackupItem(path, kind, kind == BackupItemKind.DIRECTORY ? "directory" : "veeam-full",
                Optional.ofNullable(modified), 1024, Optional.ofNullable(mode), Optional.of("root"),
                Optional.of("root"), immutable, List.of());
    }

    /** Marks a collection step as failed (partial data). */
    public HostSnapshotFixture failed(HostDataSource source) {
        steps.put(source, HostCollectionStep.failed(source, 0, "planted failure", List.of()));
        return this;
    }

    /** Marks a collection step as skipped (nothing collected). */
    public HostSnapshotFixture skipped(HostDataSource source) {
        steps.put(source, HostCollectionStep.skipped(source, "planted skip"));
        return this;
    }

    public HostSnapshot build() {
        List<HostCollectionStep> all = new ArrayList<>();
        for (HostDataSource s : HostDataSource.values()) {
            all.add(steps.getOrDefault(s, new HostCollectionStep(s, StepStatus.COMPLETE, 1, Optional.empty(),
                    List.of())));
        }
        return new HostSnapshot(HostSnapshot.SCHEMA_VERSION, AS_OF, hostName, os, domain, mounts, exports, samba,
                windows, services, processes, software, locations, offlineMedia, all);
    }
}
