package fr.vigie.wire;

/** Paths and limits of the collector's HTTP API, version 1. */
public final class Api {
    public static final String BASE = "/api/v1";
    public static final String ENROLL_NONCE = BASE + "/enroll/nonce";
    public static final String ENROLL = BASE + "/enroll";
    public static final String REPORTS = BASE + "/reports";
    public static final String CHECKIN = BASE + "/checkin";
    public static final String RULESET = BASE + "/ruleset";
    /** Largest envelope the collector accepts (bytes of JSON). */
    public static final int MAX_ENVELOPE_BYTES = 10 * 1024 * 1024;
    /** The media type of envelopes on the wire. */
    public static final String ENVELOPE_MEDIA_TYPE = "application/vnd.dsse.envelope.v1+json";

    private Api() {}
}
