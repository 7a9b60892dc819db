package fr.vigie.agent.collect.ldap;

/**
 * Collection could not start at all (nothing to snapshot): the DC is unreachable, its certificate is not trusted,
 * the bind was refused, or the RootDSE is unreadable. Failures after a successful bind do not throw: they are
 * recorded as failed steps of an incomplete snapshot. The message says what to do.
 */
public final class CollectionException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why collection could not start; the CLI maps each to an exit code. */
    public enum Reason {
        UNREACHABLE,
        TLS_UNTRUSTED,
        TLS_FAILED,
        BIND_REFUSED,
        ROOT_DSE_UNREADABLE
    }

    private final Reason reason;

    public CollectionException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
