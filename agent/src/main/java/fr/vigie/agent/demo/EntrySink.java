package fr.vigie.agent.demo;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;

/**
 * Where generated directory entries go, one at a time and parents first (typically straight into an in-memory
 * server, so that a large generated domain is never held twice in memory).
 */
@FunctionalInterface
public interface EntrySink {
    /**
     * @throws LDAPException when the entry is refused (duplicate DN, missing parent)
     */
    void add(Entry entry) throws LDAPException;

    /** Adds a built object. */
    default void add(AdObject object) throws LDAPException {
        add(object.toEntry());
    }
}
