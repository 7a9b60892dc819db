package fr.vigie.agent.delivery;

/** A delivery step that failed for a reason the operator must see (refused enrollment, bad token...). Immutable. */
public final class DeliveryException extends Exception {
    private final String code;

    public DeliveryException(String code, String message) {
        super(message);
        this.code = code;
    }

    public DeliveryException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** The collector's error code, or a local one ({@code already_enrolled}, {@code token_expired}...). */
    public String code() {
        return code;
    }
}
