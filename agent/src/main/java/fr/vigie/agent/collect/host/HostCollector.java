package fr.vigie.agent.collect.host;

import fr.vigie.snapshot.host.AccessEntry;
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
import fr.vigie.snapshot.host.MountedFileSystem;
import fr.vigie.snapshot.host.NfsExport;
import fr.vigie.snapshot.host.OsFamily;
import fr.vigie.snapshot.host.OsInfo;
import fr.vigie.snapshot.host.SambaShare;
import fr.vigie.snapshot.host.WindowsShare;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Collects the {@link HostSnapshot} of the host the agent runs on: OS, domain membership, mounts, NFS exports,
 * Samba and Windows shares, services and processes with their accounts, backup software and the configured backup
 * locations. It records facts and never decides what is a finding.
 *
 * <p>Failure model: nothing here throws for a problem of the host. Every file and command access is time-boxed;
 * what could not be read (a missing file, permission denied, a command not installed, a malformed line, a mount
 * that does not answer) becomes a note, and a step whose data is partial is recorded as failed, so that the rules
 * reading it are "not evaluated" rather than falsely clean.
 *
 * <p>Usage: {@code HostSnapshot host = new HostCollector().collect(HostScanConfig.defaults().withBackupLocations(...));}
 * Not thread-safe: use one collector per collection.
 */
public final class HostCollector {
    private final Clock clock;
    private final Optional<WindowsHostSource> windows;

    /** On Windows the JNA implementation of the Windows calls is used; elsewhere none. */
    public HostCollector() {
        this(Clock.systemUTC(), OshiHostSource.family() == OsFamily.WINDOWS
                ? Optional.of(new JnaWindowsHostSource()) : Optional.empty());
    }

    HostCollector(Clock clock, Optional<WindowsHostSource> windows) {
        this.clock = clock;
        this.windows = windows;
    }

    /** Collects the host snapshot; never throws for a problem of the host (see the class comment). */
    public HostSnapshot collect(HostScanConfig config) {
        Instant collectedAt = clock.instant();
        List<HostCollectionStep> steps = new ArrayList<>();
        CommandRunner commands = new CommandRunner(config.commandTimeout());

        // OS and host name
        OsInfo os = new OsInfo(OshiHostSource.family(), "", "");
        String hostName = "";
        var oshi = TimeBox.run("oshi", config.commandTimeout(), OshiHostSource::new);
        if (oshi.ok()) {
            var info = TimeBox.run("os", config.commandTimeout(), () -> List.of(oshi.value().get().osInfo(),
                    oshi.value().get().hostName()));
            if (info.ok()) {
                os = (OsInfo) info.value().get().get(0);
                hostName = (String) info.value().get().get(1);
                steps.add(HostCollectionStep.complete(HostDataSource.OS, 1, List.of()));
            } else {
                steps.add(HostCollectionStep.failed(HostDataSource.OS, 0,
                        info.problem("OS information (OSHI)", config.commandTimeout()), List.of()));
            }
        } else {
            steps.add(HostCollectionStep.failed(HostDataSource.OS, 0,
                    oshi.problem("OSHI initialisation", config.commandTimeout()), List.of()));
        }
        boolean linux = os.family() == OsFamily.LINUX;
        boolean onWindows = os.family() == OsFamily.WINDOWS;

        // processes and services
        List<HostProcess> processes = List.of();
        List<HostService> services = List.of();
        if (!config.collectProcesses()) {
            steps.add(HostCollectionStep.skipped(HostDataSource.PROCESSES, "process collection disabled"));
            steps.add(HostCollectionStep.skipped(HostDataSource.SERVICES, "process collection disabled"));
        } else if (oshi.ok()) {
            var p = TimeBox.run("processes", config.commandTimeout(), () -> oshi.value().get().processes());
            if (p.ok()) {
                processes = p.value().get();
                steps.add(HostCollectionStep.complete(HostDataSource.PROCESSES, processes.size(), List.of()));
            } else {
                steps.add(HostCollectionStep.failed(HostDataSource.PROCESSES, 0,
                        p.problem("process list (OSHI)", config.commandTimeout()), List.of()));
            }
            final List<HostProcess> known = processes;
            if (windows.isPresent()) {
                var s = TimeBox.run("services", config.commandTimeout(), () -> windows.get().services());
                if (s.ok()) {
                    services = s.value().get().stream().map(WindowsRecords::service).toList();
                    steps.add(HostCollectionStep.complete(HostDataSource.SERVICES, services.size(), List.of()));
                } else {
                    steps.add(HostCollectionStep.failed(HostDataSource.SERVICES, 0,
                            s.problem("services (EnumServicesStatusEx/QueryServiceConfig)", config.commandTimeout()),
                            List.of()));
                }
            } else {
                var s = TimeBox.run("services", config.commandTimeout(), () -> oshi.value().get().services(known));
                if (s.ok()) {
                    services = s.value().get();
                    steps.add(HostCollectionStep.complete(HostDataSource.SERVICES, services.size(),
                            services.isEmpty() ? List.of("no service manager answered (no systemd?)") : List.of()));
                } else {
                    steps.add(HostCollectionStep.failed(HostDataSource.SERVICES, 0,
                            s.problem("services (OSHI)", config.commandTimeout()), List.of()));
                }
            }
        } else {
            steps.add(HostCollectionStep.skipped(HostDataSource.PROCESSES, "OSHI unavailable"));
            steps.add(HostCollectionStep.skipped(HostDataSource.SERVICES, "OSHI unavailable"));
        }

        // mounts
        List<MountedFileSystem> mounts = new ArrayList<>();
        if (linux) {
            var lines = readLines(config.mountInfo(), config);
            if (lines.ok()) {
                var parsed = MountInfoParser.parse(lines.value().get(), config.mountInfo().toString(),
                        source -> iscsiTransport(source, config.sysClassBlock()));
                mounts.addAll(parsed.mounts());
                steps.add(parsed.errors().isEmpty()
                        ? HostCollectionStep.complete(HostDataSource.MOUNTS, mounts.size(), List.of())
                        : HostCollectionStep.failed(HostDataSource.MOUNTS, mounts.size(),
                                parsed.errors().size() + " line(s) of " + config.mountInfo() + " not understood",
                                parsed.errors()));
            } else {
                steps.add(HostCollectionStep.failed(HostDataSource.MOUNTS, 0,
                        lines.problem(config.mountInfo().toString(), config.fileTimeout()), List.of()));
            }
        } else if (oshi.ok()) {
            List<String> notes = new ArrayList<>();
            var stores = TimeBox.run("file-stores", config.locationTimeout(), () -> oshi.value().get().fileStores());
            boolean ok = stores.ok();
            stores.value().ifPresent(mounts::addAll);
            if (!ok) {
                notes.add(stores.problem("file stores (OSHI)", config.locationTimeout()));
            }
            if (windows.isPresent()) {
                var drives = TimeBox.run("mapped-drives", config.commandTimeout(), () -> windows.get().mappedDrives());
                drives.value().ifPresent(d -> d.forEach(x -> mounts.add(WindowsRecords.mappedDrive(x))));
                if (!drives.ok()) {
                    ok = false;
                    notes.add(drives.problem("mapped drives", config.commandTimeout()));
                }
            }
            steps.add(ok ? HostCollectionStep.complete(HostDataSource.MOUNTS, mounts.size(), notes)
                    : HostCollectionStep.failed(HostDataSource.MOUNTS, mounts.size(), String.join("; ", notes),
                            List.of()));
        } else {
            steps.add(HostCollectionStep.skipped(HostDataSource.MOUNTS, "OSHI unavailable"));
        }

        // NFS exports
        List<NfsExport> exports = new ArrayList<>();
        if (linux) {
            steps.add(nfsExports(config, exports));
        } else {
            steps.add(notApplicable(HostDataSource.NFS_EXPORTS, os));
        }

        // Samba shares (and the [global] section, used for domain membership)
        List<SambaShare> sambaShares = new ArrayList<>();
        Optional<SambaConfig> samba = Optional.empty();
        if (linux) {
            List<String> notes = new ArrayList<>();
            Optional<String> error = Optional.empty();
            if (!exists(config.smbConf(), config)) {
                notes.add(config.smbConf() + " not found: no Samba server configured");
            } else {
                var read = readSamba(config, commands, notes);
                if (read.isPresent()) {
                    samba = read;
                    sambaShares.addAll(read.get().shares());
                } else {
                    error = Optional.of(config.smbConf() + " could not be read");
                }
            }
            steps.add(error.isEmpty() ? HostCollectionStep.complete(HostDataSource.SAMBA_SHARES, sambaShares.size(), notes)
                    : HostCollectionStep.failed(HostDataSource.SAMBA_SHARES, 0, error.get(), notes));
        } else {
            steps.add(notApplicable(HostDataSource.SAMBA_SHARES, os));
        }

        // Windows shares
        List<WindowsShare> windowsShares = new ArrayList<>();
        if (windows.isPresent()) {
            var raw = TimeBox.run("shares", config.locationTimeout(), () -> windows.get().shares());
            if (raw.ok()) {
                raw.value().get().forEach(r -> windowsShares.add(WindowsRecords.share(r, windows.get()::accountName)));
                steps.add(HostCollectionStep.complete(HostDataSource.WINDOWS_SHARES, windowsShares.size(), List.of()));
            } else {
                steps.add(HostCollectionStep.failed(HostDataSource.WINDOWS_SHARES, 0,
                        raw.problem("shares (NetShareEnum 502)", config.locationTimeout()), List.of()));
            }
        } else {
            steps.add(notApplicable(HostDataSource.WINDOWS_SHARES, os));
        }

        // domain membership
        DomainMembership membership = DomainMembership.notJoined();
        if (windows.isPresent()) {
            var join = TimeBox.run("join", config.commandTimeout(), () -> windows.get().joinInformation());
            if (join.ok()) {
                membership = WindowsRecords.membership(join.value().get());
                steps.add(HostCollectionStep.complete(HostDataSource.DOMAIN_MEMBERSHIP, 1, List.of()));
            } else {
                steps.add(HostCollectionStep.failed(HostDataSource.DOMAIN_MEMBERSHIP, 0,
                        join.problem("NetGetJoinInformation", config.commandTimeout()), List.of()));
            }
        } else if (linux) {
            List<String> notes = new ArrayList<>();
            Optional<String> realmOutput = Optional.empty();
            Optional<java.nio.file.Path> realm = config.realm().flatMap(CommandRunner::find);
            if (realm.isEmpty()) {
                notes.add("realm command not installed: realmd membership not read");
            } else {
                try {
                    var r = commands.run(List.of(realm.get().toString(), "list"));
                    if (r.ok()) {
                        realmOutput = Optional.of(r.stdout());
                    } else {
                        notes.add("realm list exited with " + r.exitCode());
                    }
                } catch (CommandRunner.CommandException e) {
                    notes.add(e.getMessage());
                }
            }
            final Optional<SambaConfig> sambaForProbe = samba;
            final Optional<String> realmOut = realmOutput;
            var probe = TimeBox.run("domain", config.fileTimeout(), () -> DomainMembershipProbe.probe(realmOut,
                    config.sssdConf(), sambaForProbe, config.krb5Keytab()));
            if (probe.ok()) {
                membership = probe.value().get().membership();
                notes.addAll(probe.value().get().notes());
                steps.add(HostCollectionStep.complete(HostDataSource.DOMAIN_MEMBERSHIP, membership.evidence().size(),
                        notes));
            } else {
                steps.add(HostCollectionStep.failed(HostDataSource.DOMAIN_MEMBERSHIP, 0,
                        probe.problem("sssd.conf / krb5.keytab", config.fileTimeout()), notes));
            }
        } else {
            steps.add(HostCollectionStep.skipped(HostDataSource.DOMAIN_MEMBERSHIP,
                    "domain membership is read on Linux and Windows only"));
        }

        // backup software
        List<BackupSoftware> software = new ArrayList<>();
        steps.add(backupSoftware(config, processes, services, steps, software));

        // backup locations
        List<BackupLocation> locations = new ArrayList<>();
        steps.add(backupLocations(config, linux, locations));

        List<String> offline = linux ? tapeDrives(config) : List.of();
        return new HostSnapshot(HostSnapshot.SCHEMA_VERSION, collectedAt, hostName, os, membership, mounts, exports,
                sambaShares, windowsShares, services, processes, software, locations, offline, steps);
    }

    private static HostCollectionStep notApplicable(HostDataSource source, OsInfo os) {
        return HostCollectionStep.complete(source, 0, List.of("not applicable on " + os.family()));
    }

    private static TimeBox.Outcome<List<String>> readLines(Path file, HostScanConfig config) {
        return TimeBox.run("read", config.fileTimeout(), () -> {
            byte[] bytes = Files.readAllBytes(file);
            return List.of(new String(bytes, StandardCharsets.UTF_8).split("\n", -1));
        });
    }

    private static boolean exists(Path file, HostScanConfig config) {
        return TimeBox.run("exists", config.fileTimeout(), () -> Files.exists(file)).value().orElse(true);
    }

    private static HostCollectionStep nfsExports(HostScanConfig config, List<NfsExport> exports) {
        List<Path> files = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        if (exists(config.exportsFile(), config)) {
            files.add(config.exportsFile());
        } else {
            notes.add(config.exportsFile() + " not found: no NFS export configured there");
        }
        var dir = TimeBox.run("exports.d", config.fileTimeout(), () -> {
            List<Path> out = new ArrayList<>();
            if (Files.isDirectory(config.exportsDir())) {
                try (DirectoryStream<Path> ds = Files.newDirectoryStream(config.exportsDir(), "*.exports")) {
                    ds.forEach(out::add);
                }
            }
            out.sort(null);
            return out;
        });
        if (dir.ok()) {
            files.addAll(dir.value().get());
        } else {
            errors.add(dir.problem(config.exportsDir().toString(), config.fileTimeout()));
        }
        for (Path f : files) {
            var lines = readLines(f, config);
            if (!lines.ok()) {
                errors.add(lines.problem(f.toString(), config.fileTimeout()));
                continue;
            }
            var parsed = ExportsParser.parse(lines.value().get(), f.toString());
            exports.addAll(parsed.exports());
            errors.addAll(parsed.errors());
            notes.addAll(parsed.warnings());
        }
        if (errors.isEmpty()) {
            return HostCollectionStep.complete(HostDataSource.NFS_EXPORTS, exports.size(), notes);
        }
        List<String> all = new ArrayList<>(errors);
        all.addAll(notes);
        return HostCollectionStep.failed(HostDataSource.NFS_EXPORTS, exports.size(),
                errors.size() + " problem(s) reading the NFS exports: the exports are known only in part", all);
    }

    private static Optional<SambaConfig> readSamba(HostScanConfig config, CommandRunner commands, List<String> notes) {
        Optional<Path> testparm = config.testparm().flatMap(CommandRunner::find);
        if (testparm.isPresent()) {
            try {
                var r = commands.run(List.of(testparm.get().toString(), "-s", "-l", config.smbConf().toString()));
                if (r.ok()) {
                    notes.add("read with testparm -s -l");
                    return Optional.of(SambaConfig.parse(List.of(r.stdout().split("\n")), "testparm"));
                }
                String first = r.stderr().lines().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse("");
                notes.add("testparm exited with " + r.exitCode() + (first.isEmpty() ? "" : " (" + first.strip() + ")")
                        + ": smb.conf parsed directly");
            } catch (CommandRunner.CommandException e) {
                notes.add(e.getMessage() + ": smb.conf parsed directly");
            }
        } else {
            notes.add("testparm not installed: smb.conf parsed directly (include files not followed)");
        }
        var lines = readLines(config.smbConf(), config);
        if (!lines.ok()) {
            notes.add(lines.problem(config.smbConf().toString(), config.fileTimeout()));
            return Optional.empty();
        }
        SambaConfig parsed = SambaConfig.parse(lines.value().get(), config.smbConf().toString());
        notes.addAll(parsed.warnings());
        if (parsed.global().containsKey("include") || parsed.global().containsKey("config file")) {
            notes.add("smb.conf includes other files that were not read");
        }
        return Optional.of(parsed);
    }

    private static HostCollectionStep backupSoftware(HostScanConfig config, List<HostProcess> processes,
                                                     List<HostService> services, List<HostCollectionStep> steps,
                                                     List<BackupSoftware> out) {
        BackupSoftwareCatalog catalog = new BackupSoftwareCatalog(config.extraBackupSoftware());
        Set<String> seen = new LinkedHashSet<>();
        for (HostProcess p : processes) {
            Optional<String> product = catalog.match(p.name());
            if (product.isPresent() && seen.add("p|" + product.get() + "|" + p.name() + "|" + p.user().orElse(""))) {
                out.add(new BackupSoftware(product.get(), DetectionKind.PROCESS, p.name(), p.user(), p.userId()));
            }
        }
        for (HostService s : services) {
            Optional<String> product = catalog.match(s.name()).or(() -> catalog.match(s.displayName()));
            if (product.isPresent() && seen.add("s|" + s.name())) {
                out.add(new BackupSoftware(product.get(), DetectionKind.SERVICE, s.name(), s.account(),
                        Optional.empty()));
            }
        }
        List<String> notes = new ArrayList<>();
        var packages = TimeBox.run("dpkg", config.fileTimeout(), () -> installedPackages(config.dpkgStatus()));
        if (packages.ok()) {
            for (String pkg : packages.value().get()) {
                catalog.match(pkg).ifPresent(product -> out.add(new BackupSoftware(product, DetectionKind.PACKAGE, pkg,
                        Optional.empty(), Optional.empty())));
            }
        } else {
            notes.add(packages.problem(config.dpkgStatus() + " (installed packages)", config.fileTimeout()));
        }
        List<String> incomplete = new ArrayList<>();
        for (HostCollectionStep s : steps) {
            if ((s.source() == HostDataSource.PROCESSES || s.source() == HostDataSource.SERVICES) && !s.isComplete()) {
                incomplete.add(s.source().name().toLowerCase(Locale.ROOT));
            }
        }
        if (!incomplete.isEmpty()) {
            return HostCollectionStep.failed(HostDataSource.BACKUP_SOFTWARE, out.size(),
                    "backup software looked for without complete " + String.join(" and ", incomplete), notes);
        }
        return HostCollectionStep.complete(HostDataSource.BACKUP_SOFTWARE, out.size(), notes);
    }

    /** Names of installed packages from a dpkg status file; empty when the file does not exist. */
    static List<String> installedPackages(Path status) throws IOException {
        List<String> out = new ArrayList<>();
        if (!Files.exists(status)) {
            return out;
        }
        String pkg = null;
        for (String line : Files.readAllLines(status, StandardCharsets.UTF_8)) {
            if (line.startsWith("Package: ")) {
                pkg = line.substring(9).strip();
            } else if (line.startsWith("Status: ") && line.endsWith(" installed") && pkg != null) {
                out.add(pkg);
            }
        }
        return out;
    }

    private HostCollectionStep backupLocations(HostScanConfig config, boolean linux, List<BackupLocation> out) {
        if (config.backupLocations().isEmpty()) {
            return HostCollectionStep.skipped(HostDataSource.BACKUP_LOCATIONS, "no backup location configured");
        }
        List<String> notes = new ArrayList<>();
        FileSecurity security;
        if (linux) {
            LinuxFileFlags flags = new LinuxFileFlags(config.nativeFileFlags(), config.lsattr(), config.commandTimeout());
            if (!flags.available()) {
                notes.add("neither the FS_IOC_GETFLAGS ioctl nor lsattr is available: immutable attribute not read");
            }
            security = FileSecurity.linux(flags);
        } else if (windows.isPresent()) {
            WindowsHostSource w = windows.get();
            security = new FileSecurity() {
                @Override
                public Optional<Boolean> immutable(Path file) {
                    return Optional.empty();
                }

                @Override
                public List<AccessEntry> acl(Path file) {
                    try {
                        return SecurityDescriptors.decode(w.fileSecurityDescriptor(file.toString()), w::accountName)
                                .dacl();
                    } catch (WindowsHostSource.WindowsCallException | IllegalArgumentException e) {
                        return List.of();
                    }
                }
            };
        } else {
            security = FileSecurity.none();
        }
        BackupLocationScanner scanner = new BackupLocationScanner(security, config.maxItemsPerLocation(),
                config.maxDepth(), config.locationTimeout());
        int incomplete = 0;
        for (Path p : config.backupLocations()) {
            BackupLocation l = scanner.scan(p, true);
            out.add(l);
            notes.addAll(l.notes());
            if (l.status() != LocationStatus.SCANNED) {
                incomplete++;
            }
        }
        long backups = out.stream().mapToLong(BackupLocation::backupCount).sum();
        if (incomplete > 0) {
            return HostCollectionStep.failed(HostDataSource.BACKUP_LOCATIONS, backups, incomplete + " of "
                    + out.size() + " backup location(s) could not be read completely", notes);
        }
        return HostCollectionStep.complete(HostDataSource.BACKUP_LOCATIONS, backups, notes);
    }

    /** "iscsi" when the block device of a mount source sits under an iSCSI session in sysfs. */
    static Optional<String> iscsiTransport(String source, Path sysClassBlock) {
        if (!source.startsWith("/dev/")) {
            return Optional.empty();
        }
        try {
            Path dev = Path.of(source).toRealPath();
            Path sys = sysClassBlock.resolve(dev.getFileName().toString()).toRealPath();
            return sys.toString().contains("/session") ? Optional.of("iscsi") : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static List<String> tapeDrives(HostScanConfig config) {
        var tapes = TimeBox.run("tapes", config.fileTimeout(), () -> {
            List<String> out = new ArrayList<>();
            if (Files.isDirectory(config.scsiTapeDir())) {
                try (DirectoryStream<Path> ds = Files.newDirectoryStream(config.scsiTapeDir(), "st[0-9]*")) {
                    ds.forEach(p -> out.add("tape drive /dev/" + p.getFileName() + " (" + config.scsiTapeDir() + ")"));
                }
            }
            out.sort(null);
            return out;
        });
        return tapes.value().orElse(List.of());
    }
}
