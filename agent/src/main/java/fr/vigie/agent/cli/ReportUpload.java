package fr.vigie.agent.cli;

import fr.vigie.agent.config.ConfigException;
import fr.vigie.agent.delivery.AgentIdentity;
import fr.vigie.agent.delivery.Delivery;
import fr.vigie.agent.delivery.Uploader;
import fr.vigie.agent.export.ExportLevel;
import fr.vigie.agent.export.PseudonymKey;
import fr.vigie.agent.export.ReportExport;
import fr.vigie.agent.report.ReportDocument;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What {@code scan --upload} and {@code run --scan-config} share: the enrolled agent's delivery state and its
 * pseudonym key, opened before any audit so that a missing enrollment or an unreadable key fails at once, and the
 * minimised payload of a report. Immutable; thread-safe (as {@link Delivery} is).
 */
final class ReportUpload {
    private final Path stateDir;
    private final Delivery delivery;
    private final ExportLevel level;
    private final Optional<PseudonymKey> key;

    private ReportUpload(Path stateDir, Delivery delivery, ExportLevel level, Optional<PseudonymKey> key) {
        this.stateDir = stateDir;
        this.delivery = delivery;
        this.level = level;
        this.key = key;
    }

    /**
     * Opens the state of an enrolled agent, and its pseudonym key (generated on first use) unless the level is full.
     *
     * @param command the command, for messages ({@code scan --upload}, {@code run})
     * @throws ConfigException when the agent is not enrolled, or its state is unreadable or exposed
     */
    static ReportUpload open(Path stateDir, ExportLevel level, String command) throws ConfigException {
        if (!AgentIdentity.exists(stateDir)) {
            throw new ConfigException(command + ": this agent is not enrolled (no identity in " + stateDir + "). "
                    + "Enroll it first with 'vigie enroll --token-file <file> --state-dir " + stateDir
                    + "', or give the right --state-dir.");
        }
        try {
            Delivery delivery = Delivery.open(stateDir);
            Optional<PseudonymKey> key = level == ExportLevel.FULL ? Optional.empty()
                    : Optional.of(PseudonymKey.loadOrCreate(stateDir));
            return new ReportUpload(stateDir, delivery, level, key);
        } catch (IOException e) {
            throw new ConfigException(command + ": cannot open the agent state in " + stateDir + ": " + e.getMessage(),
                    e);
        }
    }

    Delivery delivery() {
        return delivery;
    }

    ExportLevel level() {
        return level;
    }

    Path stateDir() {
        return stateDir;
    }

    /** The bytes to upload for this report at the configured level. */
    byte[] payload(ReportDocument report) throws IOException {
        return ReportExport.payload(report, level, key.orElse(null));
    }

    /** Why delivery stopped, in words, for an error code of {@link Uploader.FlushResult#stoppedBy()}. */
    String reason(String code) {
        String url = delivery.identity().collectorUrl().toString();
        return switch (code) {
            case "collector_unreachable" -> "the collector at " + url + " cannot be reached";
            case "rate_limited" -> "the collector asked to retry later (HTTP 429)";
            case "backing_off" -> "a previous delivery failure is still backing off";
            case "agent_pending_approval" -> "the collector admin has not yet approved this agent's replacement "
                    + "(vigie-collector agent approve-replacement " + delivery.identity().agentId() + ")";
            case "agent_revoked" -> "the collector has revoked this agent; enroll it again with a new token";
            case "agent_replaced" -> "the collector knows this agent as replaced by a newer enrollment";
            case "unknown_agent" -> "the collector at " + url + " does not know this agent (enrolled elsewhere?)";
            default -> "the collector answered " + code;
        };
    }
}
