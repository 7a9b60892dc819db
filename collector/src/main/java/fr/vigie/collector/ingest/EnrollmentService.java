package fr.vigie.collector.ingest;

import fr.vigie.collector.store.AgentRecord;
import fr.vigie.collector.store.AgentStatus;
import fr.vigie.collector.store.Agents;
import fr.vigie.collector.store.EnrollmentTokens;
import fr.vigie.wire.EnrollmentRequest;
import fr.vigie.wire.EnrollmentToken;
import fr.vigie.wire.SignedEnvelope;
import fr.vigie.wire.VerifiedEnvelope;
import fr.vigie.wire.WireException;
import fr.vigie.wire.WireJson;
import java.io.IOException;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enrollment, in two steps: {@code GET /api/v1/enroll/nonce} issues a single-use nonce; {@code POST /api/v1/enroll}
 * takes an {@code ENROLLMENT} envelope whose key hint is the new public key and whose payload
 * ({@link EnrollmentRequest}) holds the token secret and that nonce, signed with the new private key. The signature
 * is checked first (proof of possession), then the nonce, then, in one transaction, the token (locked, not
 * expired, uses left) and the new agent row. A {@code replaces} enrollment creates a
 * {@link AgentStatus#PENDING_REPLACEMENT} agent that an admin approves. Thread-safe.
 */
public final class EnrollmentService {
    private static final Logger LOG = LoggerFactory.getLogger(EnrollmentService.class);

    private final Jdbi jdbi;
    private final NonceStore nonces;
    private final Clock clock;

    /**
     * An accepted enrollment.
     *
     * @param agentId new agent id
     * @param status its status
     * @param establishment FINESS number it is bound to
     */
    public record Enrolled(String agentId, String status, String establishment) {}

    public EnrollmentService(Jdbi jdbi, NonceStore nonces, Clock clock) {
        this.jdbi = jdbi;
        this.nonces = nonces;
        this.clock = clock;
    }

    public String nonce() throws ApiException {
        return nonces.issue();
    }

    /**
     * @throws ApiException 400 {@code malformed_envelope} / {@code malformed_enrollment} / {@code bad_public_key},
     *     401 {@code bad_signature} / {@code unknown_nonce} / {@code invalid_token}, 403 {@code token_expired} /
     *     {@code token_exhausted}, 409 {@code agent_exists}, 422 {@code unknown_replaced_agent}
     */
    public Enrolled enroll(byte[] body) throws ApiException {
        VerifiedEnvelope v;
        try {
            v = SignedEnvelope.parse(body).verifyEnrollment();
        } catch (WireException e) {
            throw ApiException.of(e);
        }
        EnrollmentRequest req;
        try {
            req = WireJson.mapper().readValue(v.payload(), EnrollmentRequest.class);
        } catch (IOException | RuntimeException e) {
            throw new ApiException(400, "malformed_enrollment", "the enrollment request is not valid JSON");
        }
        if (!nonces.consume(req.nonce())) {
            throw new ApiException(401, "unknown_nonce", "the nonce is unknown, expired or already used");
        }
        String agentId = v.header().agentId();
        byte[] publicKey = Base64.getDecoder().decode(v.keyId());
        byte[] hash = EnrollmentToken.hashSecret(req.token());
        String hostname = req.hostname().length() > 255 ? req.hostname().substring(0, 255) : req.hostname();
        Enrolled done = jdbi.inTransaction(h -> {
            EnrollmentTokens.TokenRow t = EnrollmentTokens.lock(h, hash).orElseThrow(
                    () -> new ApiException(401, "invalid_token", "the enrollment token is not valid"));
            if (!clock.instant().isBefore(t.expiresAt())) {
                throw new ApiException(403, "token_expired", "the enrollment token expired at " + t.expiresAt());
            }
            if (t.uses() >= t.maxUses()) {
                throw new ApiException(403, "token_exhausted", "the enrollment token has been used "
                        + t.uses() + " time(s), its limit");
            }
            if (Agents.find(h, agentId).isPresent()) {
                throw new ApiException(409, "agent_exists", "this key is already enrolled");
            }
            Optional<String> replaces = req.replacesAgent();
            if (replaces.isPresent()) {
                Optional<AgentRecord> old = Agents.find(h, replaces.get());
                if (old.isEmpty() || old.get().establishmentId() != t.establishmentId()) {
                    throw new ApiException(422, "unknown_replaced_agent",
                            "the agent to replace is not enrolled for this establishment");
                }
            }
            AgentStatus status = replaces.isPresent() ? AgentStatus.PENDING_REPLACEMENT : AgentStatus.ACTIVE;
            Agents.insert(h, agentId, publicKey, t.establishmentId(), t.id(), status, replaces, hostname);
            EnrollmentTokens.use(h, t.id());
            String finess = h.createQuery("SELECT finess FROM establishments WHERE id = :id")
                    .bind("id", t.establishmentId()).mapTo(String.class).one();
            return new Enrolled(agentId, status.dbValue(), finess);
        });
        LOG.info("agent {} enrolled for establishment {} from host {} ({})", done.agentId(), done.establishment(),
                hostname, done.status());
        return done;
    }
}
