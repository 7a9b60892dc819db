package fr.vigie.collector.ingest;

import fr.vigie.collector.store.Agents;
import fr.vigie.collector.store.Reports;
import fr.vigie.collector.store.StoredReport;
import fr.vigie.wire.CheckIn;
import fr.vigie.wire.MessageHeader;
import fr.vigie.wire.MessageKind;
import fr.vigie.wire.VerifiedEnvelope;
import fr.vigie.wire.WireJson;
import java.io.IOException;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ingest of signed reports and check-ins. Order of checks for a report: envelope shape, sender enrolled and
 * active, signature (before anything in the payload is read), message kind, acceptance window, then the report
 * JSON (schema version and indexed fields), then one insert committed before the acknowledgement. Any refusal
 * stores nothing. Thread-safe.
 */
public final class ReportIngest {
    private static final Logger LOG = LoggerFactory.getLogger(ReportIngest.class);

    private final AgentMessages messages;
    private final Agents agents;
    private final Reports reports;
    private final AcceptanceWindow window;
    private final Clock clock;

    /** Result of an accepted report. */
    public enum Outcome {
        STORED,
        DUPLICATE
    }

    /**
     * An accepted report.
     *
     * @param outcome stored now or already stored
     * @param reportId its id
     */
    public record Ack(Outcome outcome, UUID reportId) {}

    public ReportIngest(AgentMessages messages, Agents agents, Reports reports, AcceptanceWindow window, Clock clock) {
        this.messages = messages;
        this.agents = agents;
        this.reports = reports;
        this.window = window;
        this.clock = clock;
    }

    /**
     * Verifies and stores one report envelope; returns only after the database commit.
     *
     * @throws ApiException with the specific refusal (nothing stored), including 409 {@code report_id_conflict}
     *     when another report with the same id is already stored
     */
    public Ack ingestReport(byte[] body) throws ApiException {
        AgentMessages.Authenticated m = messages.authenticate(body, MessageKind.REPORT);
        VerifiedEnvelope v = m.envelope();
        MessageHeader h = v.header();
        window.check(h.createdAt(), clock.instant());
        ReportFields f = ReportFields.parse(v.payload());
        StoredReport r = new StoredReport(h.agentId(), h.messageId(), h.createdAt(), v.payloadType(), v.payload(),
                v.signature(), h.dropped(), f.schemaVersion(), f.domainSid(), f.domainDns(), f.maturityLevel(),
                f.globalScore(), f.complete(), f.ruleStatus());
        switch (reports.insert(r)) {
            case STORED:
                LOG.info("report {} from agent {} stored ({} bytes{})", h.messageId(), h.agentId(), v.payload().length,
                        h.dropped() > 0 ? ", agent dropped " + h.dropped() + " spooled reports" : "");
                return new Ack(Outcome.STORED, h.messageId());
            case DUPLICATE:
                LOG.info("report {} from agent {} already stored: acknowledged again", h.messageId(), h.agentId());
                return new Ack(Outcome.DUPLICATE, h.messageId());
            default:
                throw new ApiException(409, "report_id_conflict", "another report with id " + h.messageId()
                        + " is already stored for this agent");
        }
    }

    /**
     * Verifies and records a check-in.
     *
     * @return true when recorded, false when older than the last one (acknowledged, ignored)
     * @throws ApiException the specific refusal; 422 {@code checkin_in_future} / {@code checkin_too_old};
     *     400 {@code malformed_checkin}
     */
    public boolean ingestCheckIn(byte[] body) throws ApiException {
        AgentMessages.Authenticated m = messages.authenticate(body, MessageKind.CHECKIN);
        MessageHeader h = m.envelope().header();
        try {
            window.check(h.createdAt(), clock.instant());
        } catch (ApiException e) {
            throw new ApiException(422, e.code().replace("report", "checkin"), e.getMessage());
        }
        CheckIn c;
        try {
            c = WireJson.mapper().readValue(m.envelope().payload(), CheckIn.class);
        } catch (IOException e) {
            throw new ApiException(400, "malformed_checkin", "the check-in is not a valid JSON check-in");
        }
        return agents.recordCheckIn(h.agentId(), h.createdAt(), c);
    }
}
