package fr.vigie.wire;

/**
 * Payload of a {@link MessageKind#CHECKIN} envelope: a small heartbeat that lets the collector show an agent as
 * connected, and see its spool state. Immutable.
 *
 * @param hostname the sending host's name (a change hints at a cloned agent identity)
 * @param agentVersion agent software version
 * @param spoolPending envelopes waiting in the spool
 * @param spoolBytes bytes waiting in the spool
 * @param droppedTotal envelopes dropped from the spool since enrollment
 */
public record CheckIn(String hostname, String agentVersion, long spoolPending, long spoolBytes, long droppedTotal) {}
