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
import fr.vigie.snapshot.host.HostSnapshot;
import fr.vigie.snapshot.host.HostSnapshotJson;
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
 * One audit, wired in pipeline order: snapshot source -&gt; {@code snapshot.json} -&gt; (when asked) host source -&gt;
 * {@code host-snapshot.json} -&gt; audit (catalogue with site overrides) -&gt; {@code report.json} +
 * {@code report.html} -&gt; console summary. The files go to a new directory
 * {@code <out>/<domain-dns>-<yyyyMMdd-HHmmss>} (see {@link OutputDirectory}); the snapshots are written before the
 * audit runs, so that they survive any later failure and can be re-checked with {@code vigie check}.
 *
 * <p>The host inspection never aborts the directory audit: the host collector records its problems in the host
 * snapshot's steps, and an unexpected exception is recorded the same way ({@link HostSource#failed}), so that the
 * host rules are "not evaluated" and the backup level provisional.
 *
 * <p>Immutable; thread-safe when the console writer is.
 */
public final class ScanRun {
    private static final Logger LOG = LoggerFactory.getLogger(ScanRun.class);

    public static final String SNAPSHOT_FILE = "snapshot.json";
    public static final String HOST_SNAPSHOT_FILE = "host-snapshot.json";
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
        return scan(source, Optional.empty(), outRoot);
    }

    /**
     * Collects the directory, then (when a host source is given) the agent's host, then writes both snapshots and
     * the reports, then prints the summary.
     *
     * @param source  where the directory snapshot comes from
     * @param host    where the host snapshot comes from; empty = the host is not inspected (host rules "not
     *                evaluated")
     * @param outRoot the {@code --out} directory
     * @throws CollectionException  when nothing of the directory could be collected (no file is written)
     * @throws OutputWriteException when a file cannot be written
     */
    public ScanOutcome scan(SnapshotSource source, Optional<HostSource> host, Path outRoot)
            throws CollectionException, OutputWriteException {
        Instant now = clock.instant();
        DirectorySnapshot snapshot = source.collect(now);
        Optional<HostSnapshot> hostSnapshot = host.map(this::inspect);
        OutputDirectory dir = OutputDirectory.create(outRoot, snapshot.domain().dnsName(), snapshot.collectedAt(),
                clock.getZone());
        Path snapshotFile = dir.write(SNAPSHOT_FILE, out -> SnapshotJson.write(snapshot, out));
        LOG.debug("snapshot written to {}", snapshotFile);
        Optional<Path> hostFile = Optional.empty();
        if (hostSnapshot.isPresent()) {
            HostSnapshot h = hostSnapshot.get();
            hostFile = Optional.of(dir.write(HOST_SNAPSHOT_FILE, out -> HostSnapshotJson.write(h, out)));
            LOG.debug("host snapshot written to {}", hostFile.get());
        }
        return reportInto(dir, snapshot, hostSnapshot, Optional.of(snapshotFile), hostFile);
    }

    private HostSnapshot inspect(HostSource host) {
        try {
            return java.util.Objects.requireNonNull(host.collect(), "the host source returned no snapshot");
        } catch (RuntimeException | LinkageError e) {
            // a bug or a missing native library must not cost the directory audit
            LOG.warn("host inspection failed: {}", e.toString());
            LOG.debug("host inspection failure", e);
            return HostSource.failed(clock.instant(), "the host inspection failed: " + e);
        }
    }

    /**
     * Audits a snapshot already on hand (e.g. {@code vigie check} of a saved one) and writes the reports, without a
     * copy of the snapshot, to a new directory named after the report's time.
     *
     * @throws OutputWriteException when a file cannot be written
     */
    public ScanOutcome report(DirectorySnapshot snapshot, Path outRoot) throws OutputWriteException {
        return report(snapshot, Optional.empty(), outRoot);
    }

    /**
     * Audits a directory snapshot and, when given, a host snapshot already on hand ({@code vigie check
     * --host-snapshot}), and writes the reports to a new directory named after the report's time.
     *
     * @throws OutputWriteException when a file cannot be written
     */
    public ScanOutcome report(DirectorySnapshot snapshot, Optional<HostSnapshot> host, Path outRoot)
            throws OutputWriteException {
        OutputDirectory dir = OutputDirectory.create(outRoot, snapshot.domain().dnsName(), clock.instant(),
                clock.getZone());
        return reportInto(dir, snapshot, host, Optional.empty(), Optional.empty());
    }

    /** Audits a snapshot (host not inspected) and builds its report, without any I/O. */
    public ReportDocument evaluate(DirectorySnapshot snapshot) {
        return evaluate(snapshot, Optional.empty());
    }

    /** Audits a directory snapshot and, when given, a host snapshot, and builds the report, without any I/O. */
    public ReportDocument evaluate(DirectorySnapshot snapshot, Optional<HostSnapshot> host) {
        return ReportBuilder.build(snapshot, host, audit.run(snapshot, host), clock.instant(), agentVersion);
    }

    private ScanOutcome reportInto(OutputDirectory dir, DirectorySnapshot snapshot, Optional<HostSnapshot> host,
            Optional<Path> snapshotFile, Optional<Path> hostFile) throws OutputWriteException {
        ReportDocument report = evaluate(snapshot, host);
        Path json = dir.write(JSON_REPORT_FILE, out -> ReportJson.write(report, out));
        Path page = dir.write(HTML_REPORT_FILE, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            html.write(report, w);
            w.flush();
        });
        LOG.debug("reports written to {}", dir.path());
        ScanOutcome outcome = new ScanOutcome(dir.path(), snapshotFile, hostFile, json, page, report);
        ConsoleSummary.print(report, outcome.files(), console);
        return outcome;
    }
}
