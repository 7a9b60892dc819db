package fr.vigie.agent.collect.ldap;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import fr.vigie.snapshot.DataSource;
import java.time.Duration;

/**
 * The state of one running step: its connection, how many objects were stored, continuation references ignored,
 * and entries whose values could not be decoded. Not thread-safe (the collecting thread only).
 */
final class StepContext {
    /** {@link CollectionProgress#objectsRead} is called every this many objects. */
    static final int PROGRESS_EVERY = 500;

    private final DataSource source;
    private final LDAPConnection connection;
    private final CollectionProgress progress;
    private final Duration responseTimeout;
    private long objects;
    private long references;
    private long malformed;
    private String firstMalformed;

    StepContext(DataSource source, LDAPConnection connection, CollectionProgress progress, Duration responseTimeout) {
        this.source = source;
        this.connection = connection;
        this.progress = progress;
        this.responseTimeout = responseTimeout;
    }

    DataSource source() {
        return source;
    }

    LDAPConnection connection() {
        return connection;
    }

    Duration responseTimeout() {
        return responseTimeout;
    }

    /** Hands one entry to its converter and counts it; a value that cannot be decoded is recorded, not thrown. */
    void accept(EntryHandler handler, Entry entry) {
        try {
            handler.accept(entry);
            counted();
        } catch (RuntimeException e) {
            malformed++;
            if (firstMalformed == null) {
                firstMalformed = entry.getDN() + ": " + e.getMessage();
            }
        }
    }

    /** Counts one object stored by the step itself (not through {@link #accept}). */
    void counted() {
        objects++;
        if (objects % PROGRESS_EVERY == 0) {
            progress.objectsRead(source, objects);
        }
    }

    void referenceIgnored() {
        references++;
    }

    long objects() {
        return objects;
    }

    long references() {
        return references;
    }

    /** @throws StepFailure when some entries had values that could not be decoded */
    void checkMalformed() throws StepFailure {
        if (malformed > 0) {
            throw StepFailure.of(malformed + " object(s) had values Vigie could not decode and were left out (first: "
                    + firstMalformed + ") — please report this with the object's attribute value");
        }
    }

    /** Converts one directory entry into snapshot records. May throw for malformed values. */
    @FunctionalInterface
    interface EntryHandler {
        void accept(Entry entry);
    }
}
