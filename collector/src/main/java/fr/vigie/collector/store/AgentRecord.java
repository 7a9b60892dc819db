package fr.vigie.collector.store;

import java.time.Instant;
import java.util.Optional;

/**
 * An enrolled agent. Immutable (the key array is copied).
 *
 * @param id agent id (derived from the public key)
 * @param publicKey X.509 SubjectPublicKeyInfo of its Ed25519 key
 * @param establishmentId establishment row id
 * @param finess establishment FINESS number
 * @param status lifecycle status
 * @param replaces agent this one replaces, if enrolled with --replace
 * @param hostname host name given at enrollment
 * @param enrolledAt enrollment time
 * @param lastCheckin last accepted check-in (signed creation time), if any
 * @param lastCheckinHost host name of the last check-in, if any
 * @param cloneSuspected a check-in came from another host name than the enrolled one
 * @param spoolPending spool size reported by the last check-in
 * @param spoolDroppedTotal spool drops reported by the last check-in
 */
public record AgentRecord(String id, byte[] publicKey, long establishmentId, String finess, AgentStatus status,
        Optional<String> replaces, String hostname, Instant enrolledAt, Optional<Instant> lastCheckin,
        Optional<String> lastCheckinHost, boolean cloneSuspected, long spoolPending, long spoolDroppedTotal) {
    public AgentRecord {
        publicKey = publicKey.clone();
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }
}
