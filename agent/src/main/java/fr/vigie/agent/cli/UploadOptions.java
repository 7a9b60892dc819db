package fr.vigie.agent.cli;

import fr.vigie.agent.config.ConfigException;
import fr.vigie.agent.delivery.Delivery;
import fr.vigie.agent.delivery.Uploader;
import fr.vigie.agent.scan.ScanOutcome;
import fr.vigie.agent.export.ExportLevel;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import picocli.CommandLine.Option;

/**
 * The upload part shared by {@code vigie scan --upload} and {@code vigie demo --upload} (a picocli mixin): the
 * {@code --state-dir} option, opening the agent's delivery state before the audit, and spooling and sending the
 * report after it. Each command keeps its own {@code --upload} and {@code --export-level} options: their help texts
 * differ, and scan's export level also comes from its configuration file. Mutable (filled by picocli); not
 * thread-safe.
 */
final class UploadOptions {
    @Option(names = "--state-dir", paramLabel = "<dir>", defaultValue = "${VIGIE_STATE_DIR:-/var/lib/vigie}",
            description = "Agent state directory (identity, key, spool) used by --upload (default: ${DEFAULT-VALUE}).")
    Path stateDir;

    /**
     * The opened delivery state when {@code upload} is set, else empty: fails at once (before any audit) when the
     * agent is not enrolled or its key cannot be read.
     *
     * @param command the command line named in errors, e.g. "scan --upload"
     */
    Optional<ReportUpload> open(boolean upload, ExportLevel level, String command) throws ConfigException {
        return upload ? Optional.of(ReportUpload.open(stateDir, level, command)) : Optional.empty();
    }

    /**
     * The command's exit code: the scan's ({@link ExitStatus#OK} when complete, else {@link ExitStatus#INCOMPLETE}),
     * after spooling and sending the report when an uploader is given, unless the report could not even be spooled.
     */
    static int exitCode(Optional<ReportUpload> uploader, ScanOutcome outcome, Duration wait, PrintWriter out,
            PrintWriter err) throws InterruptedException {
        ExitStatus status = outcome.complete() ? ExitStatus.OK : ExitStatus.INCOMPLETE;
        if (uploader.isPresent()) {
            return upload(uploader.get(), outcome, wait, out, err).orElse(status).code();
        }
        return status.code();
    }

    /**
     * Spools and sends the report; says what happened. Returns an exit status only when the report could not even
     * be spooled (then nothing will ever be delivered: a failure of the scan's output).
     */
    private static Optional<ExitStatus> upload(ReportUpload up, ScanOutcome outcome, Duration wait, PrintWriter out,
            PrintWriter err) throws InterruptedException {
        UUID id;
        try {
            id = up.delivery().spool(up.payload(outcome.report()));
        } catch (IOException e) {
            err.println("scan --upload: the report could not be spooled for upload (" + e.getMessage() + "); the "
                    + "local reports are written, but nothing will be sent. Check the disk and the permissions of "
                    + up.stateDir() + ".");
            err.flush();
            return Optional.of(ExitStatus.OUTPUT_ERROR);
        }
        out.println();
        String what = "Upload: report " + id + " (export level " + up.level() + ")";
        try {
            Uploader.FlushResult r = up.delivery().send(wait);
            Delivery.Fate fate = up.delivery().fate(id);
            String code = r.stoppedBy().orElse("");
            switch (fate) {
                case DELIVERED -> out.println(what + " delivered to " + up.delivery().identity().collectorUrl() + ".");
                case REJECTED -> out.println(what + " was refused by the collector for good and moved to "
                        + up.stateDir().resolve("rejected") + ": see the agent log for the collector's reason.");
                case SPOOLED -> out.println(what + " is spooled in " + up.delivery().spoolStore().directory()
                        + " and will be sent later by 'vigie run' or the next 'vigie scan --upload': "
                        + up.reason(code) + ".");
            }
            if (r.remaining() > (fate == Delivery.Fate.SPOOLED ? 1 : 0)) {
                out.println("        " + r.remaining() + " report(s) in all are waiting in the spool.");
            }
        } catch (IOException e) {
            out.println(what + " is spooled in " + up.delivery().spoolStore().directory() + " but could not be sent "
                    + "now (" + e.getMessage() + "); 'vigie run' or the next 'vigie scan --upload' will send it.");
        }
        out.flush();
        return Optional.empty();
    }
}
