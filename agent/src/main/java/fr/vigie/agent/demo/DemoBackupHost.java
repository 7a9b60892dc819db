package fr.vigie.agent.demo;

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
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The backup host of the sample hospital "CH Exemple": <b>sample data, like the demo directory</b> ({@link ChExemple}),
 * never read from the machine the demo runs on. {@code vigie demo} audits it beside the demo domain so that the
 * report's Backups section shows what the host-side backup rules find; {@code docs/demo-domain.md} lists what is
 * planted for each rule.
 *
 * <p>The host is {@code srv-veeam.ch-exemple.local}, the Linux (Debian 12) repository of the Veeam installation whose
 * backup server is {@code SRV-VEEAM01}. Its snapshot is built with the host model's constructors exactly as
 * {@code fr.vigie.agent.collect.host.HostCollector} fills them on Linux (mountinfo options, {@code /etc/exports}
 * lines, {@code testparm} parameters, OSHI processes and services, sssd user names, the scanner's items), with one
 * finding for each of the nine host rules:
 * <ul>
 *   <li>the NAS copy repository mounted read-write over NFS ({@code /mnt/nas-sauvegarde});</li>
 *   <li>the Samba share {@code [sauvegardes]} writable by guests;</li>
 *   <li>the Veeam Data Mover running as {@code svc-veeam@ch-exemple.local}, the domain's Veeam service account
 *       (a Domain Admin in the demo directory);</li>
 *   <li>{@code /srv/sauvegardes} exported over NFS read-write to {@code *} with {@code no_root_squash};</li>
 *   <li>full backups ({@code .vbk}) in mode 0666 in job folders in mode 0777, incrementals ({@code .vib}) 0644;</li>
 *   <li>the newest backup of each location 5 days old (the jobs fail since the repository filled up);</li>
 *   <li>the host joined to {@code ch-exemple.local} (realmd / sssd / keytab);</li>
 *   <li>no immutable file and no tape drive.</li>
 * </ul>
 * Every date is relative to the "now" given, and nothing is random: the same "now" gives the same snapshot. The host
 * name says that it is the sample host ({@value #HOST_NAME}), and the OS step carries a note saying so, so that the
 * report never passes it off as the machine the agent ran on. Stateless and thread-safe.
 */
public final class DemoBackupHost {
    /** The host name as recorded (and shown in the report's Backups section). */
    public static final String HOST_NAME = "srv-veeam (sample host of the demo)";
    /** The note of the OS step, shown among the report's host notes. */
    public static final String SAMPLE_NOTE = "sample data: the fictional backup host srv-veeam.ch-exemple.local of "
            + "'vigie demo'; nothing was read from the machine the demo ran on";

    /** The primary Veeam repository, on a local XFS volume, shared over Samba and exported over NFS. */
    public static final String REPOSITORY = "/srv/sauvegardes";
    /** The backup location of the primary repository (Veeam's folder, one sub-folder per job). */
    public static final String LOCATION = REPOSITORY + "/veeam";
    /** The NAS mount holding the backup copy job's files. */
    public static final String NAS_MOUNT = "/mnt/nas-sauvegarde";
    /** The backup location of the copy job, on the NAS. */
    public static final String NAS_LOCATION = NAS_MOUNT + "/copies";
    /** The Samba share of the repository. */
    public static final String SHARE = "sauvegardes";

    /** The Veeam service account as sssd names it (fully qualified names), and its id-mapped uid. */
    static final String VEEAM_ACCOUNT = "svc-veeam@ch-exemple.local";
    static final String VEEAM_UID = "1870601107";
    static final String VEEAM_GROUP = "domain users@ch-exemple.local";
    /** Days since the last backup that ran. */
    static final int STALE_DAYS = 5;
    /** Days of the backup chain (a weekly full then daily incrementals) before the jobs stopped. */
    private static final int CHAIN_DAYS = 7;

    private static final DateTimeFormatter VEEAM_STAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final String MOUNTINFO = "/proc/self/mountinfo";

    private DemoBackupHost() {}

    /**
     * The snapshot of the sample backup host, collected at {@code now}.
     *
     * @param now the demo's "now" (the instant the demo domain's dates are relative to)
     */
    public static HostSnapshot snapshot(Instant now) {
        Objects.requireNonNull(now, "now");
        OsInfo os = new OsInfo(OsFamily.LINUX, "Debian GNU/Linux", "12 (bookworm) build 6.1.0-27-amd64");
        DomainMembership domain = new DomainMembership(true, Optional.of("ch-exemple.local"), List.of(
                new MembershipEvidence(MembershipSource.REALM,
                        "domain-name: ch-exemple.local, realm-name: CH-EXEMPLE.LOCAL, configured: kerberos-member"),
                new MembershipEvidence(MembershipSource.SSSD,
                        "[domain/ch-exemple.local] id_provider = ad (domains = ch-exemple.local)"),
                new MembershipEvidence(MembershipSource.KRB5_KEYTAB,
                        "/etc/krb5.keytab holds keys for realm(s) CH-EXEMPLE.LOCAL")));
        List<MountedFileSystem> mounts = mounts();
        List<NfsExport> exports = List.of(
                // vPower NFS / instant recovery tests: "the ESXi hosts must be able to mount it"
                new NfsExport(REPOSITORY, "/etc/exports", 11, List.of(new NfsClient("*",
                        List.of("rw", "sync", "no_subtree_check", "no_root_squash")))),
                new NfsExport("/srv/iso", "/etc/exports", 12, List.of(new NfsClient("10.20.1.0/24",
                        List.of("ro", "sync", "no_subtree_check", "root_squash")))));
        List<SambaShare> shares = sambaShares();
        List<HostProcess> processes = processes();
        List<HostService> services = services();
        List<BackupSoftware> software = backupSoftware(processes, services);
        List<BackupLocation> locations = List.of(primaryLocation(now), nasLocation(now));
        long backups = locations.stream().mapToLong(BackupLocation::backupCount).sum();
        List<HostCollectionStep> steps = List.of(
                HostCollectionStep.complete(HostDataSource.OS, 1, List.of(SAMPLE_NOTE)),
                HostCollectionStep.complete(HostDataSource.PROCESSES, processes.size(), List.of()),
                HostCollectionStep.complete(HostDataSource.SERVICES, services.size(), List.of()),
                HostCollectionStep.complete(HostDataSource.MOUNTS, mounts.size(), List.of()),
                HostCollectionStep.complete(HostDataSource.NFS_EXPORTS, exports.size(), List.of()),
                HostCollectionStep.complete(HostDataSource.SAMBA_SHARES, shares.size(),
                        List.of("read with testparm -s -l")),
                HostCollectionStep.complete(HostDataSource.WINDOWS_SHARES, 0, List.of("not applicable on LINUX")),
                HostCollectionStep.complete(HostDataSource.DOMAIN_MEMBERSHIP, domain.evidence().size(), List.of()),
                HostCollectionStep.complete(HostDataSource.BACKUP_SOFTWARE, software.size(), List.of()),
                HostCollectionStep.complete(HostDataSource.BACKUP_LOCATIONS, backups, List.of()));
        return new HostSnapshot(HostSnapshot.SCHEMA_VERSION, now, HOST_NAME, os, domain, mounts, exports, shares,
                List.of(), services, processes, software, locations, List.of(), steps);
    }

    private static List<MountedFileSystem> mounts() {
        return List.of(
                new MountedFileSystem("/", "ext4", "/dev/sda2", false, List.of("rw", "relatime", "errors=remount-ro"),
                        Optional.empty(), MOUNTINFO),
                new MountedFileSystem("/boot/efi", "vfat", "/dev/sda1", false, List.of("rw", "relatime", "fmask=0077",
                        "dmask=0077", "codepage=437", "iocharset=ascii", "shortname=mixed", "utf8", "errors=remount-ro"),
                        Optional.empty(), MOUNTINFO),
                // the local repository volume: not a network file system
                new MountedFileSystem(REPOSITORY, "xfs", "/dev/mapper/vg_sauv-lv_veeam", false, List.of("rw",
                        "relatime", "attr2", "inode64", "logbufs=8", "logbsize=32k", "noquota"),
                        Optional.empty(), MOUNTINFO),
                // the NAS that receives the backup copy job, mounted read-write
                new MountedFileSystem(NAS_MOUNT, "nfs4", "nas-sauv01.ch-exemple.local:/volume1/veeam-copies", false,
                        List.of("rw", "relatime", "vers=4.1", "rsize=131072", "wsize=131072", "namlen=255", "hard",
                                "proto=tcp", "timeo=600", "retrans=2", "sec=sys", "clientaddr=10.20.1.40",
                                "local_lock=none", "addr=10.20.1.50"),
                        Optional.empty(), MOUNTINFO));
    }

    private static List<SambaShare> sambaShares() {
        Map<String, String> sauvegardes = new LinkedHashMap<>();
        sauvegardes.put("comment", "Depot des sauvegardes Veeam (acces restauration)");
        sauvegardes.put("path", REPOSITORY);
        sauvegardes.put("create mask", "0666");
        sauvegardes.put("directory mask", "0777");
        sauvegardes.put("guest ok", "Yes");
        sauvegardes.put("read only", "No");
        Map<String, String> iso = new LinkedHashMap<>();
        iso.put("comment", "Images d'installation");
        iso.put("path", "/srv/iso");
        iso.put("guest ok", "Yes");
        return List.of(
                new SambaShare(SHARE, REPOSITORY, true, true, List.of(), List.of(), List.of(), List.of(),
                        sauvegardes),
                new SambaShare("iso", "/srv/iso", true, false, List.of(), List.of(), List.of(), List.of(), iso));
    }

    private static List<HostProcess> processes() {
        return List.of(
                process(1, "systemd", "/usr/lib/systemd/systemd", "root", "0"),
                process(412, "systemd-journald", "/usr/lib/systemd/systemd-journald", "root", "0"),
                process(598, "sssd", "/usr/sbin/sssd", "root", "0"),
                process(611, "sssd_be", "/usr/libexec/sssd/sssd_be", "root", "0"),
                process(640, "sshd", "/usr/sbin/sshd", "root", "0"),
                process(702, "rpc.mountd", "/usr/sbin/rpc.mountd", "root", "0"),
                process(731, "smbd", "/usr/sbin/smbd", "root", "0"),
                process(1187, "veeamtransport", "/opt/veeam/transport/veeamtransport", VEEAM_ACCOUNT, VEEAM_UID));
    }

    private static HostProcess process(int pid, String name, String path, String user, String uid) {
        return new HostProcess(pid, name, path, Optional.of(user), Optional.of(uid));
    }

    /** systemd units as OSHI lists them on Linux: the display name is the name, the account the main process's. */
    private static List<HostService> services() {
        return List.of(
                service("ssh", "root", 640),
                service("sssd", "root", 598),
                service("nfs-mountd", "root", 702),
                service("smbd", "root", 731),
                service("veeamtransport", VEEAM_ACCOUNT, 1187));
    }

    private static HostService service(String name, String account, int pid) {
        return new HostService(name, name, "RUNNING", Optional.of(account), Optional.of(pid));
    }

    /** What the collector derives from the processes, services and installed packages (in that order). */
    private static List<BackupSoftware> backupSoftware(List<HostProcess> processes, List<HostService> services) {
        List<BackupSoftware> out = new ArrayList<>();
        for (HostProcess p : processes) {
            if (p.name().contains("veeam")) {
                out.add(new BackupSoftware("Veeam", DetectionKind.PROCESS, p.name(), p.user(), p.userId()));
            }
        }
        for (HostService s : services) {
            if (s.name().contains("veeam")) {
                out.add(new BackupSoftware("Veeam", DetectionKind.SERVICE, s.name(), s.account(), Optional.empty()));
            }
        }
        out.add(new BackupSoftware("Veeam", DetectionKind.PACKAGE, "veeamtransport", Optional.empty(),
                Optional.empty()));
        return List.copyOf(out);
    }

    /**
     * The primary repository: two jobs, each a weekly full and daily incrementals until {@value #STALE_DAYS} days
     * ago. Files were dropped through the guest share (create mask 0666, directory mask 0777) during a restore
     * test and the job folders kept those modes; the incrementals written since by the data mover are 0644.
     */
    private static BackupLocation primaryLocation(Instant now) {
        List<BackupItem> items = new ArrayList<>();
        items.add(directory(LOCATION, at(now, STALE_DAYS), "0755", "root", "root", Optional.of(false)));
        job(items, now, Duration.ZERO, LOCATION + "/Sauvegarde DPI", "SRV-DPI01.vm-1042", 412_316_860_416L);
        job(items, now, Duration.ofMinutes(125), LOCATION + "/Sauvegarde PACS", "SRV-PACS01.vm-2087",
                1_288_490_188_800L);
        return location(LOCATION, items);
    }

    /** The backup copy job on the NAS: NFS gives no immutable attribute (not read). */
    private static BackupLocation nasLocation(Instant now) {
        List<BackupItem> items = new ArrayList<>();
        items.add(directory(NAS_LOCATION, at(now, STALE_DAYS), "0755", VEEAM_ACCOUNT, VEEAM_GROUP, Optional.empty()));
        String folder = NAS_LOCATION + "/Copie DPI";
        Instant copied = at(now, STALE_DAYS).plus(Duration.ofMinutes(95));
        items.add(file(folder + "/SRV-DPI01.vm-1042D" + VEEAM_STAMP.format(copied) + "_7C1E.vbk", copied,
                412_316_860_416L, "0644", Optional.empty()));
        items.add(directory(folder, copied, "0755", VEEAM_ACCOUNT, VEEAM_GROUP, Optional.empty()));
        items.add(file(folder + "/Copie DPI.vbm", copied, 48_213L, "0644", Optional.empty()));
        return location(NAS_LOCATION, items);
    }

    /**
     * One job's chain, in the scanner's order (the first file, then its folder, then the other files): the full
     * 0666, the incrementals and the metadata 0644, the folder 0777, immutable attribute read and not set.
     */
    private static void job(List<BackupItem> items, Instant now, Duration offset, String folder, String vm,
                            long fullSize) {
        String jobName = folder.substring(folder.lastIndexOf('/') + 1);
        Optional<Boolean> notImmutable = Optional.of(false);
        Instant last = at(now, STALE_DAYS).plus(offset);
        for (int day = STALE_DAYS + CHAIN_DAYS; day >= STALE_DAYS; day--) {
            Instant t = at(now, day).plus(offset);
            boolean full = day == STALE_DAYS + CHAIN_DAYS;
            String name = vm + "D" + VEEAM_STAMP.format(t) + "_"
                    + String.format(Locale.ROOT, "%04X", (vm.hashCode() + day * 4099) & 0xFFFF)
                    + (full ? ".vbk" : ".vib");
            items.add(file(folder + "/" + name, t, full ? fullSize : fullSize / 40 + day * 1_048_576L,
                    full ? "0666" : "0644", notImmutable));
            if (full) {
                items.add(directory(folder, last, "0777", VEEAM_ACCOUNT, VEEAM_GROUP, notImmutable));
            }
        }
        items.add(file(folder + "/" + jobName + ".vbm", last, 61_440L, "0644", notImmutable));
    }

    /** The nightly run {@code days} days before now (10 h 46 min earlier in the day than "now"). */
    private static Instant at(Instant now, int days) {
        return now.minus(Duration.ofDays(days)).minus(Duration.ofHours(10)).minus(Duration.ofMinutes(46));
    }

    private static BackupItem file(String path, Instant modified, long size, String mode, Optional<Boolean> immutable) {
        String format = path.endsWith(".vbk") ? "veeam-full" : path.endsWith(".vib") ? "veeam-incremental"
                : "veeam-metadata";
        return new BackupItem(path, BackupItemKind.FILE, format, Optional.of(modified), size, Optional.of(mode),
                Optional.of(VEEAM_ACCOUNT), Optional.of(VEEAM_GROUP), immutable, List.of());
    }

    private static BackupItem directory(String path, Instant modified, String mode, String owner, String group,
                                        Optional<Boolean> immutable) {
        return new BackupItem(path, BackupItemKind.DIRECTORY, "directory", Optional.of(modified), 0,
                Optional.of(mode), Optional.of(owner), Optional.of(group), immutable, List.of());
    }

    /** A scanned, configured location, its count and newest backup computed as the scanner does. */
    private static BackupLocation location(String path, List<BackupItem> items) {
        Optional<BackupItem> newest = items.stream().filter(i -> i.kind().isBackup() && i.modified().isPresent())
                .max(Comparator.comparing(i -> i.modified().get()));
        long count = items.stream().filter(i -> i.kind().isBackup()).count();
        return new BackupLocation(path, true, LocationStatus.SCANNED, List.of(), count, newest.map(BackupItem::path),
                newest.flatMap(BackupItem::modified), items);
    }
}
