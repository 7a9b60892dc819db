package fr.vigie.agent.scan;

import fr.vigie.agent.collect.ldap.CollectionException;
import fr.vigie.agent.report.ConsoleSummary;
import fr.vigie.agent.report.HtmlReport;
import fr.vigie.agent.report.ReportBuilder;
import fr.vigie.agent.report.ReportDocument;
import fr.vigie.agent.report.ReportJson;
import fr.vigie.checks.Audit;
import fr.vigie.snapshot.DirectorySnapshot;
import fr.vigie.snapshot.SnapshotJson;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One audit, wired in pipeline order: snapshot source -&gt; {@code snapshot.json} -&gt; audit (catalogue with site
 * overrides) -&gt; {@code report.json} + {@code report.html} -&gt; console summary. The files go to a new directory
 * {@code <out>/<domain-dns>-<yyyyMMdd-HHmmss>} (see {@link OutputDirectory}); the snapshot is written before the
 * audit runs, so that it survives any later failure and can be re-checked with {@code vigie check}.
 *
 * <p>Immutable; thread-safe when the console writer is.
 */
public final class ScanRun {
    private static final Logger LOG = LoggerFactory.getLogger(ScanRun.class);

    public static final String SNAPSHOT_FILE = "snapshot.json";
    public static final String JSON_REPORT_FILE = "report.json";
    public static final String HTML_REPORT_FILE = "report.html";

    private final Audit audit;
    private final Clock clock;
    private final String agentVersion;
    private final HtmlReport html;
    private final PrintWriter console;

    /**
     * @param audit        the audit (catalogue and checks)
     * @param clock        "now" of the collection and of the report; its zone names the directories
     * @param agentVersion recorded in the report
     * @param html         the HTML renderer
     * @param console      where the summary is printed
     */
    public ScanRun(Audit audit, Clock clock, String agentVersion, HtmlReport html, PrintWriter console) {
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.agentVersion = Objects.requireNonNull(agentVersion, "agentVersion");
        this.html = Objects.requireNonNull(html, "html");
        this.console = Objects.requireNonNull(console, "console");
    }

    /**
     * Collects, then writes the snapshot and the reports, then prints the summary.
     *
     * @param source  where the snapshot comes from
     * @param outRoot the {@code --out} directory
     * @throws CollectionException  when nothing could be collected (no file is written)
     * @throws OutputWriteException when a file cannot be written
     */
    public ScanOutcome scan(SnapshotSource source, Path outRoot) throws CollectionException, OutputWriteException {
        Instant now = clock.instant();
        DirectorySnapshot snapshot = source.collect(now);
        OutputDirectory dir = OutputDirectory.create(outRoot, snapshot.domain().dnsName(), snapshot.collectedAt(),
                clock.getZone());
        Path snapshotFile = dir.write(SNAPSHOT_FILE, out -> SnapshotJson.write(snapshot, out));
        LOG.debug("snapshot written to {}", snapshotFile);
        return reportInto(dir, snapshot, Optional.of(snapshotFile));
    }

    /**
     * Audits a snapshot already on hand (e.g. {@code vigie check} of a saved one) and writes the reports, without a
     * copy of the snapshot, to a new directory named after the report's time.
     *
     * @throws OutputWriteException when a file cannot be written
     */
    public ScanOutcome report(DirectorySnapshot snapshot, Path outRoot) throws OutputWriteException {
        OutputDirectory dir = OutputDirectory.create(outRoot, snapshot.domain().dnsName(), clock.instant(),
                clock.getZone());
        return reportInto(dir, snapshot, Optional.empty());
    }

    /** Audits a snapshot and builds its report, without any I/O. */
    public ReportDocument evaluate(DirectorySnapshot snapshot) {
        return ReportBuilder.build(snapshot, audit.run(snapshot), clock.instant(), agentVersion);
    }

    private ScanOutcome reportInto(OutputDirectory dir, DirectorySnapshot snapshot, Optional<Path> snapshotFile)
            throws OutputWriteException {
        ReportDocument report = evaluate(snapshot);
        Path json = dir.write(JSON_REPORT_FILE, out -> ReportJson.write(report, out));
        Path page = dir.write(HTML_REPORT_FILE, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            html.write(report, w);
            w.flush();
        });
        LOG.debug("reports written to {}", dir.path());
        ScanOutcome outcome = new ScanOutcome(dir.path(), snapshotFile, json, page, report);
        ConsoleSummary.print(report, outcome.files(), console);
        return outcome;
    }
}
