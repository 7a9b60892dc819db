package fr.vigie.collector;

import fr.vigie.wire.AgentKeys;
import fr.vigie.wire.Api;
import fr.vigie.wire.EnrollmentRequest;
import fr.vigie.wire.EnrollmentToken;
import fr.vigie.wire.MessageHeader;
import fr.vigie.wire.MessageKind;
import fr.vigie.wire.PinnedTls;
import fr.vigie.wire.SignedEnvelope;
import fr.vigie.wire.WireJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;

/** A minimal agent for collector tests: a key, and signed messages posted over pinned HTTPS. */
public final class TestAgent {
    public final KeyPair keys = AgentKeys.generate();
    public final String id = AgentKeys.agentId(keys.getPublic());
    private final URI base;
    private final HttpClient http;

    public TestAgent(URI base, String pin) {
        this.base = base;
        this.http = HttpClient.newBuilder().sslContext(PinnedTls.context(pin)).connectTimeout(Duration.ofSeconds(10)).build();
    }

    public static String report(int schemaVersion, String sid) {
        return "{\"schemaVersion\":" + schemaVersion + ",\"domain\":{\"sid\":\"" + sid + "\",\"dnsName\":\"ch.local\"},"
                + "\"score\":{\"maturityLevel\":2,\"globalScore\":65,\"complete\":true},"
                + "\"rules\":[{\"id\":\"P-Kerberoasting\",\"status\":\"FAIL\"},{\"id\":\"S-Inactive\",\"status\":\"PASS\"}]}";
    }

    public SignedEnvelope sign(MessageKind kind, byte[] payload, Instant createdAt) {
        return SignedEnvelope.sign(MessageHeader.create(kind, id, createdAt, 0), payload, keys.getPrivate(), id);
    }

    public SignedEnvelope report(String json) {
        return sign(MessageKind.REPORT, json.getBytes(StandardCharsets.UTF_8), Instant.now());
    }

    public HttpResponse<String> post(String path, byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", Api.ENVELOPE_MEDIA_TYPE)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts without a Content-Length (chunked transfer encoding). */
    public HttpResponse<String> postChunked(String path, byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", Api.ENVELOPE_MEDIA_TYPE)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    public String nonce() throws Exception {
        return WireJson.mapper().readTree(get(Api.ENROLL_NONCE).body()).get("nonce").asText();
    }

    /** Builds a signed enrollment for a token secret. */
    public byte[] enrollment(String secret, String nonce, String replaces) {
        byte[] body = WireJson.write(new EnrollmentRequest(secret, nonce, "host-" + id.substring(0, 6), replaces));
        return SignedEnvelope.sign(MessageHeader.create(MessageKind.ENROLLMENT, id, Instant.now(), 0), body,
                keys.getPrivate(), SignedEnvelope.enrollmentKeyId(keys.getPublic())).toJson();
    }

    public HttpResponse<String> enroll(EnrollmentToken token) throws Exception {
        return post(Api.ENROLL, enrollment(token.secret(), nonce(), null));
    }
}
