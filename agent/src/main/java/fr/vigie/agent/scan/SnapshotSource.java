package fr.vigie.agent.scan;

import fr.vigie.agent.collect.ldap.CollectionException;
import fr.vigie.snapshot.DirectorySnapshot;
import java.time.Instant;

/**
 * Produces the snapshot to audit: in production {@code new LdapDirectoryCollector(target, progress)::collect}; in
 * tests a fixture.
 */
@FunctionalInterface
public interface SnapshotSource {
    /**
     * @param now the collection time to record (the checks' "now")
     * @throws CollectionException when nothing could be collected
     */
    DirectorySnapshot collect(Instant now) throws CollectionException;
}
