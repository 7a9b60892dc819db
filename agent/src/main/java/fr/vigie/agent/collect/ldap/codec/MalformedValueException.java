package fr.vigie.agent.collect.ldap.codec;

/**
 * A binary or encoded attribute value does not have the format its attribute requires (truncated SID, security
 * descriptor with an offset past its end, metadata vector of an unknown version...). The message says which
 * structure and where; callers add the entry DN and attribute name.
 */
public final class MalformedValueException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public MalformedValueException(String message) {
        super(message);
    }

    public MalformedValueException(String message, Throwable cause) {
        super(message, cause);
    }
}
