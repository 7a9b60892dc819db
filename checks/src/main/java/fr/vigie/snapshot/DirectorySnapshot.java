package fr.vigie.snapshot;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Everything collected from one domain, frozen: the only input of the checks. A snapshot is written to disk as a
 * versioned JSON document ({@link SnapshotJson}) so that it can be re-checked offline with another catalogue.
 * Immutable and thread-safe.
 *
 * @param schemaVersion     version of this document's shape ({@link #SCHEMA_VERSION})
 * @param collectedAt       when collection started: the "now" of every check (no check reads the clock)
 * @param source            the server that was read (host:port) or another description of the origin
 * @param domain            the domain head and RootDSE facts
 * @param accounts          users, computers and managed service accounts
 * @param groups            groups with direct members
 * @param foreignPrincipals foreign security principals
 * @param trusts            trusts of the domain
 * @param directoryService  forest-wide configuration
 * @param dcServers         domain controllers registered in the configuration partition
 * @param namingContexts    replication metadata of the naming-context heads
 * @param steps             how each collection step ended; a source missing from this list counts as not collected
 */
public record DirectorySnapshot(
        int schemaVersion,
        Instant collectedAt,
        String source,
        DomainInfo domain,
        List<Account> accounts,
        List<Group> groups,
        List<ForeignPrincipal> foreignPrincipals,
        List<Trust> trusts,
        DirectoryServiceConfig directoryService,
        List<DcServer> dcServers,
        List<NamingContextMetadata> namingContexts,
        List<CollectionStep> steps) {

    /** Current shape of the document. Readers refuse other versions with a clear message. */
    public static final int SCHEMA_VERSION = 1;

    public DirectorySnapshot {
        Objects.requireNonNull(collectedAt, "collectedAt");
        Objects.requireNonNull(domain, "domain");
        source = source == null ? "" : source;
        accounts = Snapshots.list(accounts);
        groups = Snapshots.list(groups);
        foreignPrincipals = Snapshots.list(foreignPrincipals);
        trusts = Snapshots.list(trusts);
        directoryService = directoryService == null ? DirectoryServiceConfig.empty() : directoryService;
        dcServers = Snapshots.list(dcServers);
        namingContexts = Snapshots.list(namingContexts);
        steps = Snapshots.list(steps);
    }

    public Stream<Account> users() {
        return accounts.stream().filter(a -> a.kind() == AccountKind.USER);
    }

    public Stream<Account> computers() {
        return accounts.stream().filter(a -> a.kind() == AccountKind.COMPUTER);
    }

    /** Sources whose step finished. */
    public Set<DataSource> completeSources() {
        Set<DataSource> out = EnumSet.noneOf(DataSource.class);
        for (CollectionStep s : steps) {
            if (s.isComplete()) {
                out.add(s.source());
            }
        }
        return out;
    }

    /** Sources that are missing, failed or skipped. */
    public Set<DataSource> missingSources() {
        Set<DataSource> out = EnumSet.allOf(DataSource.class);
        out.removeAll(completeSources());
        return out;
    }

    /** True when every collection step finished. */
    public boolean isComplete() {
        return missingSources().isEmpty();
    }
}
