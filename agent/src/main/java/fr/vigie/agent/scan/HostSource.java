package fr.vigie.agent.scan;

import fr.vigie.snapshot.host.HostCollectionStep;
import fr.vigie.snapshot.host.HostDataSource;
import fr.vigie.snapshot.host.HostSnapshot;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Produces the snapshot of the host the agent runs on (the backup side of the audit): in production
 * {@code () -> new HostCollector().collect(config)}; in tests a fixture. A problem of the host is recorded in the
 * snapshot's steps, never thrown; {@link ScanRun} still turns an unexpected exception into {@link #failed}.
 */
@FunctionalInterface
public interface HostSource {
    HostSnapshot collect();

    /**
     * A host snapshot that records a collection that could not run at all: every step failed with this reason, so
     * that every host rule is "not evaluated" and the report says why.
     */
    static HostSnapshot failed(Instant at, String reason) {
        List<HostCollectionStep> steps = Arrays.stream(HostDataSource.values())
                .map(s -> HostCollectionStep.failed(s, 0, reason, List.of())).toList();
        return new HostSnapshot(HostSnapshot.SCHEMA_VERSION, at, "", null, null, List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), steps);
    }
}
