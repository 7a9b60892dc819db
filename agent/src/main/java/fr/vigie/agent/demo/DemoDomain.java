package fr.vigie.agent.demo;

import fr.vigie.agent.collect.ldap.LdapTarget;

/**
 * The embedded sample hospital domain ("CH Exemple") served in-process over LDAPS on 127.0.0.1 by UnboundID's
 * in-memory server, in which every check of the catalogue has something to find. Used by {@code vigie demo}.
 */
public final class DemoDomain implements AutoCloseable {
    private DemoDomain() {}

    /** Starts the demo server on a free loopback port. */
    public static DemoDomain start() throws Exception {
        throw new UnsupportedOperationException("demo domain not implemented yet");
    }

    /** A target ready to collect the demo domain: LDAPS, certificate pinned, the demo audit account and password. */
    public LdapTarget target() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void close() {}
}
