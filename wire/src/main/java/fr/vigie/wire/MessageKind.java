package fr.vigie.wire;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of signed messages an agent sends, each with its media type (the DSSE payload type's base). */
public enum MessageKind {
    /** An audit report: the payload is the report JSON exactly as written by the agent. */
    REPORT("application/vnd.vigie.report+json"),
    /** A periodic heartbeat: the payload is a {@link CheckIn} JSON. */
    CHECKIN("application/vnd.vigie.checkin+json"),
    /** Enrollment with proof of possession: the payload is an {@link EnrollmentRequest} JSON. */
    ENROLLMENT("application/vnd.vigie.enrollment+json");

    private final String mediaType;

    MessageKind(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    static Optional<MessageKind> ofMediaType(String mediaType) {
        return Arrays.stream(values()).filter(k -> k.mediaType.equals(mediaType)).findFirst();
    }
}
