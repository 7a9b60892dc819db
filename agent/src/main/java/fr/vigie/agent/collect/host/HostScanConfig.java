package fr.vigie.agent.collect.host;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the host collector reads and how long it may wait. Immutable; build with {@link #defaults()} and the
 * {@code with...} methods. The system paths are parameters so that tests (and unusual hosts) can point elsewhere.
 *
 * @param backupLocations     the backup locations to scan (site configuration); none means the BACKUP_LOCATIONS
 *                            step is skipped and the rules that need it are "not evaluated"
 * @param extraBackupSoftware site-specific process, service or package names of backup software
 * @param locationTimeout     longest time one location's scan may take (default 60 s)
 * @param fileTimeout         longest time reading one system file may take (default 10 s)
 * @param commandTimeout      longest time one command (testparm, realm, lsattr) may take (default 15 s)
 * @param maxItemsPerLocation entries recorded per location before the scan stops (default 10,000)
 * @param maxDepth            directory depth of the scan (default 8)
 * @param mountInfo           {@code /proc/self/mountinfo}
 * @param exportsFile         {@code /etc/exports}
 * @param exportsDir          {@code /etc/exports.d} (files ending in {@code .exports})
 * @param smbConf             {@code /etc/samba/smb.conf}
 * @param sssdConf            {@code /etc/sssd/sssd.conf}
 * @param krb5Keytab          {@code /etc/krb5.keytab}
 * @param dpkgStatus          {@code /var/lib/dpkg/status} (installed Debian packages)
 * @param sysClassBlock       {@code /sys/class/block} (iSCSI transport of block devices)
 * @param scsiTapeDir         {@code /sys/class/scsi_tape} (tape drives)
 * @param testparm            the testparm command, empty to parse smb.conf directly
 * @param realm               the realm command, empty to skip {@code realm list}
 * @param lsattr              the lsattr command (fallback for the immutable flag), empty for none
 * @param nativeFileFlags     read the immutable flag with the FS_IOC_GETFLAGS ioctl (JNA)
 * @param collectProcesses    list processes and services (OSHI)
 */
public record HostScanConfig(
        List<Path> backupLocations,
        List<String> extraBackupSoftware,
        Duration locationTimeout,
        Duration fileTimeout,
        Duration commandTimeout,
        int maxItemsPerLocation,
        int maxDepth,
        Path mountInfo,
        Path exportsFile,
        Path exportsDir,
        Path smbConf,
        Path sssdConf,
        Path krb5Keytab,
        Path dpkgStatus,
        Path sysClassBlock,
        Path scsiTapeDir,
        Optional<String> testparm,
        Optional<String> realm,
        Optional<String> lsattr,
        boolean nativeFileFlags,
        boolean collectProcesses) {

    public HostScanConfig {
        backupLocations = List.copyOf(backupLocations);
        extraBackupSoftware = List.copyOf(extraBackupSoftware);
        Objects.requireNonNull(locationTimeout, "locationTimeout");
        Objects.requireNonNull(fileTimeout, "fileTimeout");
        Objects.requireNonNull(commandTimeout, "commandTimeout");
        if (maxItemsPerLocation < 1 || maxDepth < 1) {
            throw new IllegalArgumentException("maxItemsPerLocation and maxDepth must be positive");
        }
        if (locationTimeout.isNegative() || locationTimeout.isZero() || fileTimeout.isNegative()
                || fileTimeout.isZero() || commandTimeout.isNegative() || commandTimeout.isZero()) {
            throw new IllegalArgumentException("time limits must be positive");
        }
    }

    /** The standard Linux paths and commands, no backup location. */
    public static HostScanConfig defaults() {
        return new HostScanConfig(List.of(), List.of(), Duration.ofSeconds(60), Duration.ofSeconds(10),
                Duration.ofSeconds(15), 10_000, 8, Path.of("/proc/self/mountinfo"), Path.of("/etc/exports"),
                Path.of("/etc/exports.d"), Path.of("/etc/samba/smb.conf"), Path.of("/etc/sssd/sssd.conf"),
                Path.of("/etc/krb5.keytab"), Path.of("/var/lib/dpkg/status"), Path.of("/sys/class/block"),
                Path.of("/sys/class/scsi_tape"), Optional.of("testparm"), Optional.of("realm"), Optional.of("lsattr"),
                true, true);
    }

    public HostScanConfig withBackupLocations(List<Path> v) {
        return new HostScanConfig(v, extraBackupSoftware, locationTimeout, fileTimeout, commandTimeout,
                maxItemsPerLocation, maxDepth, mountInfo, exportsFile, exportsDir, smbConf, sssdConf, krb5Keytab,
                dpkgStatus, sysClassBlock, scsiTapeDir, testparm, realm, lsattr, nativeFileFlags, collectProcesses);
    }

    public HostScanConfig withExtraBackupSoftware(List<String> v) {
        return new HostScanConfig(backupLocations, v, locationTimeout, fileTimeout, commandTimeout,
                maxItemsPerLocation, maxDepth, mountInfo, exportsFile, exportsDir, smbConf, sssdConf, krb5Keytab,
                dpkgStatus, sysClassBlock, scsiTapeDir, testparm, realm, lsattr, nativeFileFlags, collectProcesses);
    }

    public HostScanConfig withTimeouts(Duration location, Duration file, Duration command) {
        return new HostScanConfig(backupLocations, extraBackupSoftware, location, file, command,
                maxItemsPerLocation, maxDepth, mountInfo, exportsFile, exportsDir, smbConf, sssdConf, krb5Keytab,
                dpkgStatus, sysClassBlock, scsiTapeDir, testparm, realm, lsattr, nativeFileFlags, collectProcesses);
    }

    public HostScanConfig withLimits(int maxItems, int depth) {
        return new HostScanConfig(backupLocations, extraBackupSoftware, locationTimeout, fileTimeout, commandTimeout,
                maxItems, depth, mountInfo, exportsFile, exportsDir, smbConf, sssdConf, krb5Keytab,
                dpkgStatus, sysClassBlock, scsiTapeDir, testparm, realm, lsattr, nativeFileFlags, collectProcesses);
    }

    /** Other locations of the system files (tests). */
    public HostScanConfig withSystemFiles(Path mountInfo, Path exportsFile, Path exportsDir, Path smbConf,
                                          Path sssdConf, Path krb5Keytab, Path dpkgStatus) {
        return new HostScanConfig(backupLocations, extraBackupSoftware, locationTimeout, fileTimeout, commandTimeout,
                maxItemsPerLocation, maxDepth, mountInfo, exportsFile, exportsDir, smbConf, sssdConf, krb5Keytab,
                dpkgStatus, sysClassBlock, scsiTapeDir, testparm, realm, lsattr, nativeFileFlags, collectProcesses);
    }

    public HostScanConfig withCommands(Optional<String> testparm, Optional<String> realm, Optional<String> lsattr) {
        return new HostScanConfig(backupLocations, extraBackupSoftware, locationTimeout, fileTimeout, commandTimeout,
                maxItemsPerLocation, maxDepth, mountInfo, exportsFile, exportsDir, smbConf, sssdConf, krb5Keytab,
                dpkgStatus, sysClassBlock, scsiTapeDir, testparm, realm, lsattr, nativeFileFlags, collectProcesses);
    }

    public HostScanConfig withNativeFileFlags(boolean v) {
        return new HostScanConfig(backupLocations, extraBackupSoftware, locationTimeout, fileTimeout, commandTimeout,
                maxItemsPerLocation, maxDepth, mountInfo, exportsFile, exportsDir, smbConf, sssdConf, krb5Keytab,
                dpkgStatus, sysClassBlock, scsiTapeDir, testparm, realm, lsattr, v, collectProcesses);
    }

    public HostScanConfig withProcesses(boolean v) {
        return new HostScanConfig(backupLocations, extraBackupSoftware, locationTimeout, fileTimeout, commandTimeout,
                maxItemsPerLocation, maxDepth, mountInfo, exportsFile, exportsDir, smbConf, sssdConf, krb5Keytab,
                dpkgStatus, sysClassBlock, scsiTapeDir, testparm, realm, lsattr, nativeFileFlags, v);
    }
}
