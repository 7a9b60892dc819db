package fr.vigie.snapshot.host;

/** Operating system family of the host (from OSHI's {@code PlatformEnum}). */
public enum OsFamily {
    LINUX,
    WINDOWS,
    MACOS,
    OTHER
}
