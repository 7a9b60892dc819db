package fr.vigie.agent.collect.host;

import fr.vigie.snapshot.StepStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A complete, empty directory snapshot of ch-test.local for audits of host snapshots in the agent's tests. */
final class WindowsRecordsTestSupport {
    private WindowsRecordsTestSupport() {}

    static fr.vigie.snapshot.DirectorySnapshot emptyDomain() {
        List<fr.vigie.snapshot.CollectionStep> steps = new ArrayList<>();
        for (var s : fr.vigie.snapshot.DataSource.values()) {
            steps.add(new fr.vigie.snapshot.CollectionStep(s, StepStatus.COMPLETE, 0, Optional.empty()));
        }
        var domain = new fr.vigie.snapshot.DomainInfo("DC=ch-test,DC=local", "ch-test.local", "S-1-5-21-1000-2000-3000",
                7, 7, "CN=Configuration,DC=ch-test,DC=local", "CN=Schema,CN=Configuration,DC=ch-test,DC=local",
                "DC=ch-test,DC=local", "dc1", Optional.of(0), null, false, true);
        return new fr.vigie.snapshot.DirectorySnapshot(1, Instant.parse("2026-06-01T00:00:00Z"), "test", domain,
                List.of(), List.of(), List.of(), List.of(), null, List.of(), List.of(), steps);
    }
}
