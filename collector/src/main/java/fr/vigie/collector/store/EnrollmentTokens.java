package fr.vigie.collector.store;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The enrollment_tokens table: only the SHA-256 of each secret is stored. Thread-safe. */
public final class EnrollmentTokens {
    private final Jdbi jdbi;

    /**
     * A token row, locked for update inside the enrollment transaction.
     *
     * @param id row id
     * @param establishmentId establishment it binds to
     * @param expiresAt expiry
     * @param maxUses use limit
     * @param uses uses so far
     */
    public record TokenRow(long id, long establishmentId, Instant expiresAt, int maxUses, int uses) {}

    public EnrollmentTokens(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Stores a new token's hash; returns its id. */
    public long mint(long establishmentId, byte[] secretSha256, Instant expiresAt, int maxUses) {
        if (maxUses <= 0) {
            throw new IllegalArgumentException("the use limit must be positive");
        }
        return jdbi.withHandle(h -> h.createUpdate("INSERT INTO enrollment_tokens (establishment_id, secret_sha256, "
                + "expires_at, max_uses) VALUES (:e, :s, :x, :m)")
                .bind("e", establishmentId).bind("s", secretSha256).bind("x", java.sql.Timestamp.from(expiresAt))
                .bind("m", maxUses).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    /** Finds and locks (FOR UPDATE) the token with this secret hash, inside the caller's transaction. */
    public static Optional<TokenRow> lock(Handle h, byte[] secretSha256) {
        return h.createQuery("SELECT id, establishment_id, expires_at, max_uses, uses FROM enrollment_tokens "
                + "WHERE secret_sha256 = :s FOR UPDATE")
                .bind("s", secretSha256)
                .map((rs, ctx) -> new TokenRow(rs.getLong(1), rs.getLong(2), rs.getTimestamp(3).toInstant(),
                        rs.getInt(4), rs.getInt(5)))
                .findOne();
    }

    /** Counts one use of a locked token. */
    public static void use(Handle h, long tokenId) {
        h.createUpdate("UPDATE enrollment_tokens SET uses = uses + 1 WHERE id = :id").bind("id", tokenId).execute();
    }
}
