package fr.vigie.collector.cli;

/** Exit codes of the collector CLI. */
public final class ExitCodes {
    public static final int OK = 0;
    /** Runtime failure (database, I/O). */
    public static final int FAILURE = 1;
    /** Bad command line (picocli's own usage errors also use 2). */
    public static final int USAGE = 2;
    /** Refused input (unknown establishment, bad FINESS, agent not in the expected state). */
    public static final int REFUSED = 3;

    private ExitCodes() {}
}
