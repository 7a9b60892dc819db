package fr.vigie.collector.store;

import fr.vigie.wire.WireJson;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** The reports table. Thread-safe. */
public final class Reports {
    private final Jdbi jdbi;

    /** Outcome of {@link #insert}. */
    public enum Insert {
        /** Stored (committed). */
        STORED,
        /** The same report (same signature) was already stored: nothing written. */
        DUPLICATE,
        /** Another report with the same id was already stored: nothing written. */
        CONFLICT
    }

    public Reports(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Stores a report once: {@code INSERT ... ON CONFLICT (agent_id, report_id) DO NOTHING} in its own
     * transaction, committed before this method returns.
     */
    public Insert insert(StoredReport r) {
        return jdbi.inTransaction(h -> {
            int n = h.createUpdate("INSERT INTO reports (agent_id, report_id, created_at, payload_type, payload, "
                    + "signature, spool_dropped, schema_version, domain_sid, domain_dns, maturity_level, global_score, "
                    + "complete, rule_status) VALUES (:a, :r, :c, :pt, :p, :s, :d, :v, :sid, :dns, :lvl, :score, "
                    + ":complete, CAST(:rules AS jsonb)) ON CONFLICT (agent_id, report_id) DO NOTHING")
                    .bind("a", r.agentId()).bind("r", r.reportId()).bind("c", Timestamp.from(r.createdAt()))
                    .bind("pt", r.payloadType()).bind("p", r.payload()).bind("s", r.signature())
                    .bind("d", r.spoolDropped()).bind("v", r.schemaVersion())
                    .bind("sid", r.domainSid().orElse(null)).bind("dns", r.domainDns().orElse(null))
                    .bind("lvl", r.maturityLevel().orElse(null)).bind("score", r.globalScore().orElse(null))
                    .bind("complete", r.complete().orElse(null))
                    .bind("rules", new String(WireJson.write(r.ruleStatus()), java.nio.charset.StandardCharsets.UTF_8))
                    .execute();
            if (n == 1) {
                return Insert.STORED;
            }
            byte[] existing = h.createQuery("SELECT signature FROM reports WHERE agent_id = :a AND report_id = :r")
                    .bind("a", r.agentId()).bind("r", r.reportId()).mapTo(byte[].class).one();
            return java.util.Arrays.equals(existing, r.signature()) ? Insert.DUPLICATE : Insert.CONFLICT;
        });
    }

    /** Number of stored reports. */
    public long count() {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM reports").mapTo(Long.class).one());
    }

    /** The stored envelope parts of one report: payload type, payload, signature. */
    public Optional<StoredEnvelopeParts> envelope(String agentId, UUID reportId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT payload_type, payload, signature FROM reports "
                + "WHERE agent_id = :a AND report_id = :r").bind("a", agentId).bind("r", reportId)
                .map((rs, ctx) -> new StoredEnvelopeParts(rs.getString(1), rs.getBytes(2), rs.getBytes(3)))
                .findOne());
    }

    /**
     * The signed parts of a stored report, enough to re-verify it.
     *
     * @param payloadType signed payload type
     * @param payload signed bytes
     * @param signature signature
     */
    public record StoredEnvelopeParts(String payloadType, byte[] payload, byte[] signature) {}
}
