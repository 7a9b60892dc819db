package fr.vigie.agent.collect.ldap;

import com.unboundid.ldap.sdk.ResultCode;
import java.util.Optional;

/**
 * A collection step could not finish. The message is what the administrator reads in the snapshot; the result code
 * (when the DC sent one) lets a step treat e.g. noSuchObject as "nothing to read".
 */
final class StepFailure extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient ResultCode resultCode;
    private final boolean connectionLost;

    StepFailure(String message, ResultCode resultCode, boolean connectionLost, Throwable cause) {
        super(message, cause);
        this.resultCode = resultCode;
        this.connectionLost = connectionLost;
    }

    static StepFailure of(String message) {
        return new StepFailure(message, null, false, null);
    }

    Optional<ResultCode> resultCode() {
        return Optional.ofNullable(resultCode);
    }

    /** The connection is gone: later steps need a reconnect. */
    boolean connectionLost() {
        return connectionLost;
    }
}
