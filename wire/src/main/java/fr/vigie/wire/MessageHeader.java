package fr.vigie.wire;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The signed metadata of a message, carried as parameters of the DSSE payload type so that the signature (over
 * PAE(payloadType, payload)) covers them without touching the payload bytes:
 *
 * <pre>application/vnd.vigie.report+json; v=1; agent=&lt;agent id&gt;; id=&lt;uuid&gt;; created=&lt;ISO-8601 UTC, ms&gt;; dropped=&lt;n&gt;</pre>
 *
 * <p>{@code v} is the envelope format version (only 1 exists); {@code agent} is the sender's agent id (the
 * collector checks it names the verifying key); {@code id} the message id (a report's id, the replay key);
 * {@code created} its creation time (checked against the collector's acceptance window); {@code dropped} how many
 * spooled envelopes the agent had to discard since the previous report (0 normally). The textual form is canonical:
 * {@link #parse} accepts only what {@link #toPayloadType} produces. Immutable; never null fields.
 *
 * @param kind message kind
 * @param agentId sender agent id ({@link AgentKeys#AGENT_ID})
 * @param messageId unique message id
 * @param createdAt creation time, truncated to milliseconds
 * @param dropped spool drops reported by this message, >= 0
 */
public record MessageHeader(MessageKind kind, String agentId, UUID messageId, Instant createdAt, long dropped) {
    /** The only envelope format version. */
    public static final int VERSION = 1;

    public MessageHeader {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(createdAt, "createdAt");
        if (agentId == null || !AgentKeys.AGENT_ID.matcher(agentId).matches()) {
            throw new IllegalArgumentException("bad agent id: " + agentId);
        }
        if (dropped < 0) {
            throw new IllegalArgumentException("dropped < 0");
        }
        createdAt = createdAt.truncatedTo(ChronoUnit.MILLIS);
    }

    /** A header for a new message with a random id. */
    public static MessageHeader create(MessageKind kind, String agentId, Instant now, long dropped) {
        return new MessageHeader(kind, agentId, UUID.randomUUID(), now, dropped);
    }

    /** The canonical payload type string. */
    public String toPayloadType() {
        return kind.mediaType() + "; v=" + VERSION + "; agent=" + agentId + "; id=" + messageId + "; created="
                + createdAt + "; dropped=" + dropped;
    }

    /**
     * Parses a canonical payload type.
     *
     * @throws WireException {@code unsupported_payload_type} for an unknown media type or version,
     *     {@code malformed_payload_type} for anything else that is not canonical
     */
    public static MessageHeader parse(String payloadType) throws WireException {
        if (payloadType == null || payloadType.length() > 512) {
            throw new WireException("malformed_payload_type", "payload type missing or too long");
        }
        String[] parts = payloadType.split("; ", -1);
        MessageKind kind = MessageKind.ofMediaType(parts[0]).orElseThrow(() -> new WireException(
                "unsupported_payload_type", "unsupported payload type " + printable(parts[0])));
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            if (eq <= 0 || params.putIfAbsent(parts[i].substring(0, eq), parts[i].substring(eq + 1)) != null) {
                throw new WireException("malformed_payload_type", "bad payload type parameter " + printable(parts[i]));
            }
        }
        if (!String.valueOf(VERSION).equals(params.get("v"))) {
            throw new WireException("unsupported_payload_type", "unsupported envelope version " + printable(params.get("v")));
        }
        MessageHeader header;
        try {
            header = new MessageHeader(kind, params.get("agent"), UUID.fromString(require(params, "id")),
                    Instant.parse(require(params, "created")), Long.parseLong(require(params, "dropped")));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new WireException("malformed_payload_type", "bad payload type parameters: " + e.getMessage(), e);
        }
        if (!header.toPayloadType().equals(payloadType)) {
            throw new WireException("malformed_payload_type", "payload type is not in canonical form");
        }
        return header;
    }

    private static String require(Map<String, String> params, String name) {
        String v = params.get(name);
        if (v == null) {
            throw new IllegalArgumentException("missing parameter " + name);
        }
        return v;
    }

    static String printable(String s) {
        if (s == null) {
            return "(none)";
        }
        String cut = s.length() > 80 ? s.substring(0, 80) + "..." : s;
        return "'" + cut.replaceAll("[^\\x20-\\x7e]", "?") + "'";
    }
}
