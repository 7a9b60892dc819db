package fr.vigie.snapshot.host;

/** How the scan of one backup location ended. */
public enum LocationStatus {
    /** Walked to the end (within the depth and item limits, which are noted when reached). */
    SCANNED,
    /** Some entries could not be read (permission denied, vanished, timed out): what was read is recorded. */
    PARTIAL,
    /** The path does not exist. */
    MISSING,
    /** The path itself cannot be read (permission denied, I/O error). */
    UNREADABLE,
    /** The file system did not answer within the time limit (a hung network mount): nothing is known. */
    TIMED_OUT;

    /** True when the location's content is known at least in part. */
    public boolean readable() {
        return this == SCANNED || this == PARTIAL;
    }
}
