package fr.vigie.collector.store;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A verified report as stored: the exact signed envelope parts plus the few fields the collector indexes. Immutable
 * (arrays copied).
 *
 * @param agentId sender
 * @param reportId report id (signed), unique per agent
 * @param createdAt signed creation time
 * @param payloadType signed payload type
 * @param payload exact signed bytes
 * @param signature Ed25519 signature
 * @param spoolDropped drops reported with this report
 * @param schemaVersion report schema version
 * @param domainSid domain SID, if present
 * @param domainDns domain DNS name, if present
 * @param maturityLevel maturity level 1-5, if present
 * @param globalScore global score, if present
 * @param complete whether the collection was complete, if present
 * @param ruleStatus rule id to status
 */
public record StoredReport(String agentId, UUID reportId, Instant createdAt, String payloadType, byte[] payload,
        byte[] signature, long spoolDropped, int schemaVersion, Optional<String> domainSid, Optional<String> domainDns,
        Optional<Integer> maturityLevel, Optional<Integer> globalScore, Optional<Boolean> complete,
        Map<String, String> ruleStatus) {
    public StoredReport {
        payload = payload.clone();
        signature = signature.clone();
        ruleStatus = Map.copyOf(ruleStatus);
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }
}
