package fr.vigie.agent.scan;

import fr.vigie.agent.report.ReportDocument;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one run produced. Immutable.
 *
 * @param directory the audit directory
 * @param snapshot  the snapshot file, when this run collected one
 * @param hostSnapshot the host snapshot file, when this run inspected the agent's host
 * @param json      the JSON report
 * @param html      the HTML report
 * @param report    the report itself
 */
public record ScanOutcome(Path directory, Optional<Path> snapshot, Optional<Path> hostSnapshot, Path json, Path html,
        ReportDocument report) {
    public ScanOutcome {
        Objects.requireNonNull(directory, "directory");
        snapshot = snapshot == null ? Optional.empty() : snapshot;
        hostSnapshot = hostSnapshot == null ? Optional.empty() : hostSnapshot;
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(report, "report");
    }

    /**
     * True when the directory collection was complete and every directory rule was evaluated. The backup level has
     * its own completeness ({@code report.score().backupComplete()}): a host that could not be (fully) inspected
     * makes the backup level provisional, not the audit.
     */
    public boolean complete() {
        return !report.provisional();
    }

    /** Label to path of the files written, in display order. */
    public Map<String, Path> files() {
        Map<String, Path> files = new LinkedHashMap<>();
        snapshot.ifPresent(s -> files.put("Snapshot", s));
        hostSnapshot.ifPresent(s -> files.put("Host snapshot", s));
        files.put("JSON report", json);
        files.put("HTML report", html);
        return Collections.unmodifiableMap(files);
    }
}
