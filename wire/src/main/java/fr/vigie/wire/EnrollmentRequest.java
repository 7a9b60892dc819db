package fr.vigie.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;
import java.util.Optional;

/**
 * Payload of an {@link MessageKind#ENROLLMENT} envelope, signed with the key being enrolled (proof of possession of
 * the key, bound to the collector-issued nonce and to the token secret). Immutable.
 *
 * @param token the enrollment token's secret (never logged)
 * @param nonce the nonce from {@code GET /api/v1/enroll/nonce}
 * @param hostname the agent host's name, for the admin's agent list
 * @param replaces the agent id this enrollment replaces (reinstall), or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EnrollmentRequest(String token, String nonce, String hostname, String replaces) {
    public EnrollmentRequest {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(hostname, "hostname");
    }

    public Optional<String> replacesAgent() {
        return Optional.ofNullable(replaces);
    }

    @Override
    public String toString() {
        return "EnrollmentRequest[host " + hostname + ", replaces " + replaces + ", token ****]";
    }
}
