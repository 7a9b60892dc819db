package fr.vigie.collector.store;

import fr.vigie.wire.CheckIn;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The agents table. Thread-safe. */
public final class Agents {
    private static final String SELECT = "SELECT a.*, e.finess FROM agents a JOIN establishments e ON e.id = a.establishment_id ";
    private final Jdbi jdbi;

    public Agents(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Optional<AgentRecord> find(String id) {
        return jdbi.withHandle(h -> find(h, id));
    }

    public static Optional<AgentRecord> find(Handle h, String id) {
        return h.createQuery(SELECT + "WHERE a.id = :id").bind("id", id).map((rs, ctx) -> map(rs)).findOne();
    }

    /** All agents, most recently enrolled first. */
    public List<AgentRecord> list() {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "ORDER BY e.finess, a.enrolled_at DESC")
                .map((rs, ctx) -> map(rs)).list());
    }

    /** Inserts a new agent inside the caller's transaction. */
    public static void insert(Handle h, String id, byte[] publicKey, long establishmentId, long tokenId,
            AgentStatus status, Optional<String> replaces, String hostname) {
        h.createUpdate("INSERT INTO agents (id, public_key, establishment_id, token_id, status, replaces, hostname) "
                + "VALUES (:id, :k, :e, :t, :s, :r, :h)")
                .bind("id", id).bind("k", publicKey).bind("e", establishmentId).bind("t", tokenId)
                .bind("s", status.dbValue()).bind("r", replaces.orElse(null)).bind("h", hostname).execute();
    }

    /**
     * Revokes an agent.
     *
     * @return false when no such agent exists
     */
    public boolean revoke(String id) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE agents SET status = 'revoked', status_changed_at = now() "
                + "WHERE id = :id").bind("id", id).execute()) == 1;
    }

    /**
     * Approves a pending replacement: in one transaction the new agent becomes active and the one it replaces (if
     * any) becomes replaced.
     *
     * @throws IllegalArgumentException when the agent is unknown or not pending replacement
     */
    public void approveReplacement(String newId) {
        jdbi.useTransaction(h -> {
            AgentRecord a = find(h, newId).orElseThrow(() -> new IllegalArgumentException("unknown agent " + newId));
            if (a.status() != AgentStatus.PENDING_REPLACEMENT) {
                throw new IllegalArgumentException("agent " + newId + " is " + a.status().dbValue()
                        + ", not pending_replacement");
            }
            if (a.replaces().isPresent()) {
                h.createUpdate("UPDATE agents SET status = 'replaced', status_changed_at = now() WHERE id = :id")
                        .bind("id", a.replaces().get()).execute();
            }
            h.createUpdate("UPDATE agents SET status = 'active', status_changed_at = now() WHERE id = :id")
                    .bind("id", newId).execute();
        });
    }

    /**
     * Records a check-in if it is newer than the last one (a replayed or delayed heartbeat never moves the time
     * back). Flags a suspected clone when the host name differs from the enrolled one.
     *
     * @return true when the check-in was newer and recorded
     */
    public boolean recordCheckIn(String id, Instant createdAt, CheckIn checkIn) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE agents SET last_checkin = :t, last_checkin_host = :h, "
                + "spool_pending = :p, spool_dropped_total = :d, "
                + "clone_suspected = clone_suspected OR (hostname <> :h) "
                + "WHERE id = :id AND (last_checkin IS NULL OR last_checkin < :t)")
                .bind("t", Timestamp.from(createdAt)).bind("h", checkIn.hostname() == null ? "" : checkIn.hostname())
                .bind("p", checkIn.spoolPending()).bind("d", checkIn.droppedTotal()).bind("id", id)
                .execute()) == 1;
    }

    private static AgentRecord map(ResultSet rs) throws SQLException {
        Timestamp last = rs.getTimestamp("last_checkin");
        return new AgentRecord(rs.getString("id"), rs.getBytes("public_key"), rs.getLong("establishment_id"),
                rs.getString("finess"), AgentStatus.ofDb(rs.getString("status")),
                Optional.ofNullable(rs.getString("replaces")), rs.getString("hostname"),
                rs.getTimestamp("enrolled_at").toInstant(), Optional.ofNullable(last).map(Timestamp::toInstant),
                Optional.ofNullable(rs.getString("last_checkin_host")), rs.getBoolean("clone_suspected"),
                rs.getLong("spool_pending"), rs.getLong("spool_dropped_total"));
    }
}
