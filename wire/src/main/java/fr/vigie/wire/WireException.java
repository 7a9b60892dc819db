package fr.vigie.wire;

/**
 * A message that cannot be accepted, with a stable machine-readable {@link #code()} (e.g. {@code bad_signature})
 * that the collector returns as its API error code and the agent logs. Immutable.
 */
public class WireException extends Exception {
    private final String code;

    public WireException(String code, String message) {
        super(message);
        this.code = code;
    }

    public WireException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** Stable snake_case error code, never null. */
    public String code() {
        return code;
    }
}
