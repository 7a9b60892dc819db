package fr.vigie.snapshot.host;

/**
 * One step of host collection. Every step is recorded in {@link HostSnapshot#steps()} with how it ended; a host check
 * declares the sources it reads and is "not evaluated" when one of them is missing or failed and it found nothing.
 * A source that does not apply to the host's OS (Windows shares on Linux) is recorded as complete with zero objects
 * and a note, so that it never blocks a rule.
 */
public enum HostDataSource {
    /** OS family, name and version, host name (OSHI {@code OperatingSystem}). */
    OS,
    /** Domain membership: {@code realm list}, {@code /etc/sssd/sssd.conf}, {@code /etc/krb5.keytab}, Samba
     *  {@code security = ads}; on Windows {@code NetGetJoinInformation} / {@code Win32_ComputerSystem}. */
    DOMAIN_MEMBERSHIP,
    /** Mounted file systems: {@code /proc/self/mountinfo} on Linux, OSHI file stores and mapped drives elsewhere. */
    MOUNTS,
    /** NFS exports: {@code /etc/exports} and {@code /etc/exports.d/*.exports}. */
    NFS_EXPORTS,
    /** Samba shares: {@code testparm -s} output of {@code smb.conf}, or {@code smb.conf} parsed directly. */
    SAMBA_SHARES,
    /** Windows shares with share and NTFS ACLs ({@code NetShareEnum} level 502, {@code GetNamedSecurityInfo}). */
    WINDOWS_SHARES,
    /** Services with the account they run as (OSHI; on Windows {@code QueryServiceConfig} StartName). */
    SERVICES,
    /** Processes with their user (OSHI {@code OSProcess}). */
    PROCESSES,
    /** Backup software found among processes, services and installed packages. */
    BACKUP_SOFTWARE,
    /** The configured backup locations, scanned for backup files, permissions and the immutable attribute. */
    BACKUP_LOCATIONS
}
