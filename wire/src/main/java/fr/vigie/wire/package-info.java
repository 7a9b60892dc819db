/**
 * The wire format shared by the agent and the collector: Ed25519 agent identity ({@link fr.vigie.wire.AgentKeys}),
 * DSSE signed envelopes whose payload type carries the signed message header ({@link fr.vigie.wire.SignedEnvelope},
 * {@link fr.vigie.wire.MessageHeader}), enrollment tokens and the small JSON payloads of enrollment and check-in.
 * The API is versioned under {@code /api/v1} ({@link fr.vigie.wire.Api}).
 */
package fr.vigie.wire;
