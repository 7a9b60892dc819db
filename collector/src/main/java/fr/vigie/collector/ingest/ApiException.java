package fr.vigie.collector.ingest;

import fr.vigie.wire.WireException;
import java.util.Map;

/**
 * A refused request: HTTP status, stable error code and a message safe to return to the client (never a secret).
 * Immutable.
 */
public final class ApiException extends Exception {
    private static final Map<String, Integer> WIRE_STATUS = Map.of(
            "malformed_envelope", 400,
            "malformed_payload_type", 400,
            "bad_public_key", 400,
            "unsupported_payload_type", 415,
            "bad_signature", 401,
            "agent_mismatch", 401);

    private final int status;
    private final String code;

    public ApiException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    /** Maps a wire-format refusal to its HTTP status. */
    public static ApiException of(WireException e) {
        return new ApiException(WIRE_STATUS.getOrDefault(e.code(), 400), e.code(), e.getMessage());
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
