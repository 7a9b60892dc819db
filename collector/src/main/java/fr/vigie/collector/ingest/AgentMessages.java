package fr.vigie.collector.ingest;

import fr.vigie.collector.store.AgentRecord;
import fr.vigie.collector.store.AgentStatus;
import fr.vigie.collector.store.Agents;
import fr.vigie.wire.AgentKeys;
import fr.vigie.wire.MessageKind;
import fr.vigie.wire.SignedEnvelope;
import fr.vigie.wire.VerifiedEnvelope;
import fr.vigie.wire.WireException;
import java.util.Optional;

/**
 * Authenticates a message from an enrolled agent: parse the envelope (only the envelope), look up the agent named
 * by the key hint, refuse unknown or inactive agents, verify the signature with the enrolled key, and only then
 * read the signed header. Thread-safe.
 */
public final class AgentMessages {
    private final Agents agents;

    public AgentMessages(Agents agents) {
        this.agents = agents;
    }

    /**
     * @param expected the kind of message the endpoint takes
     * @throws ApiException 400 {@code malformed_envelope}, 403 {@code unknown_agent} / {@code agent_revoked} /
     *     {@code agent_replaced} / {@code agent_pending_approval}, 401 {@code bad_signature} / {@code agent_mismatch},
     *     415 {@code unsupported_payload_type}, 400 {@code malformed_payload_type}
     */
    public Authenticated authenticate(byte[] body, MessageKind expected) throws ApiException {
        SignedEnvelope env;
        try {
            env = SignedEnvelope.parse(body);
        } catch (WireException e) {
            throw ApiException.of(e);
        }
        String hint = env.keyIdHint();
        Optional<AgentRecord> agent = AgentKeys.AGENT_ID.matcher(hint).matches() ? agents.find(hint) : Optional.empty();
        if (agent.isEmpty()) {
            throw new ApiException(403, "unknown_agent", "no enrolled agent has this key id");
        }
        AgentRecord a = agent.get();
        switch (a.status()) {
            case ACTIVE:
                break;
            case REVOKED:
                throw new ApiException(403, "agent_revoked", "this agent has been revoked");
            case REPLACED:
                throw new ApiException(403, "agent_replaced", "this agent has been replaced by a newer enrollment");
            case PENDING_REPLACEMENT:
                throw new ApiException(403, "agent_pending_approval", "this agent's replacement awaits approval");
            default:
                throw new IllegalStateException(a.status().toString());
        }
        VerifiedEnvelope v;
        try {
            v = env.verify(AgentKeys.publicKey(a.publicKey()));
        } catch (WireException e) {
            throw ApiException.of(e);
        }
        if (v.header().kind() != expected) {
            throw new ApiException(415, "unsupported_payload_type", "this endpoint takes " + expected.mediaType());
        }
        assert a.status() == AgentStatus.ACTIVE;
        return new Authenticated(a, v);
    }

    /**
     * A verified message and its active sender. Immutable.
     *
     * @param agent the sender
     * @param envelope the verified envelope
     */
    public record Authenticated(AgentRecord agent, VerifiedEnvelope envelope) {}
}
