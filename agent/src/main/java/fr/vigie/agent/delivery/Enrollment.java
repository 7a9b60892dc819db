package fr.vigie.agent.delivery;

import fr.vigie.wire.AgentKeys;
import fr.vigie.wire.Api;
import fr.vigie.wire.EnrollmentRequest;
import fr.vigie.wire.EnrollmentToken;
import fr.vigie.wire.MessageHeader;
import fr.vigie.wire.MessageKind;
import fr.vigie.wire.SignedEnvelope;
import fr.vigie.wire.WireException;
import fr.vigie.wire.WireJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enrolls this agent with the collector named in an enrollment token: generates a fresh Ed25519 key pair, fetches
 * a nonce, sends an enrollment envelope signed with the new key (proof of possession) carrying the token secret,
 * and on success stores key and identity in the state directory (0700/0600). With {@code replace}, an existing
 * identity is kept aside ({@code identity.json.replaced-<time>}) and named as the agent being replaced, so the
 * collector admin can approve the replacement. Never logs the token or the key. Not thread-safe.
 */
public final class Enrollment {
    private static final Logger LOG = LoggerFactory.getLogger(Enrollment.class);
    private final Clock clock;
    private final String hostname;

    public Enrollment(Clock clock, String hostname) {
        this.clock = clock;
        this.hostname = hostname;
    }

    /**
     * @param tokenText the token as read from a file or stdin
     * @throws DeliveryException {@code malformed_token}, {@code token_expired} (checked locally too),
     *     {@code already_enrolled} (without replace), {@code collector_unreachable}, or the collector's refusal code
     */
    public AgentIdentity enroll(Path stateDir, String tokenText, boolean replace) throws DeliveryException, IOException,
            InterruptedException {
        EnrollmentToken token;
        try {
            token = EnrollmentToken.decode(tokenText);
        } catch (WireException e) {
            throw new DeliveryException(e.code(), e.getMessage(), e);
        }
        if (!clock.instant().isBefore(token.expiresAt())) {
            throw new DeliveryException("token_expired", "the enrollment token expired at " + token.expiresAt());
        }
        Optional<String> replaces = Optional.empty();
        if (AgentIdentity.exists(stateDir)) {
            if (!replace) {
                throw new DeliveryException("already_enrolled", "this agent is already enrolled (state in " + stateDir
                        + "); use --replace to enroll a new identity");
            }
            try {
                replaces = Optional.of(AgentIdentity.load(stateDir).agentId());
            } catch (IOException e) {
                LOG.warn("the previous identity cannot be read ({}); enrolling without naming it", e.getMessage());
            }
        }
        KeyPair keys = AgentKeys.generate();
        String agentId = AgentKeys.agentId(keys.getPublic());
        CollectorClient client = new CollectorClient(token.collectorUrl(), token.pinSha256(), Duration.ofSeconds(30));
        CollectorClient.Response nonceResponse;
        CollectorClient.Response r;
        try {
            nonceResponse = client.get(Api.ENROLL_NONCE);
            if (!nonceResponse.ok()) {
                throw new DeliveryException(nonceResponse.errorCode(), "the collector refused a nonce: HTTP "
                        + nonceResponse.status());
            }
            String nonce = WireJson.mapper().readTree(nonceResponse.body()).path("nonce").asText();
            byte[] body = WireJson.write(new EnrollmentRequest(token.secret(), nonce, hostname, replaces.orElse(null)));
            SignedEnvelope env = SignedEnvelope.sign(MessageHeader.create(MessageKind.ENROLLMENT, agentId,
                    clock.instant(), 0), body, keys.getPrivate(), SignedEnvelope.enrollmentKeyId(keys.getPublic()));
            r = client.post(Api.ENROLL, env.toJson());
        } catch (IOException e) {
            throw new DeliveryException("collector_unreachable", "cannot reach the collector at "
                    + token.collectorUrl() + ": " + e.getMessage(), e);
        }
        if (!r.ok()) {
            String msg;
            try {
                msg = WireJson.mapper().readTree(r.body()).path("message").asText("HTTP " + r.status());
            } catch (IOException | RuntimeException e) {
                msg = "HTTP " + r.status();
            }
            throw new DeliveryException(r.errorCode(), "enrollment refused: " + r.errorCode() + " (" + msg + ")");
        }
        String status = WireJson.mapper().readTree(r.body()).path("status").asText();
        if (replaces.isPresent()) {
            for (String f : new String[] {AgentIdentity.IDENTITY_FILE, AgentIdentity.KEY_FILE}) {
                Path p = stateDir.resolve(f);
                if (Files.exists(p)) {
                    Files.move(p, stateDir.resolve(f + ".replaced-" + clock.millis()));
                }
            }
        }
        AgentIdentity identity = new AgentIdentity(keys, token.collectorUrl(), token.pinSha256(), token.establishment(),
                clock.instant());
        identity.save(stateDir);
        LOG.info("enrolled as agent {} for establishment {} ({})", agentId, token.establishment(), status);
        return identity;
    }
}
