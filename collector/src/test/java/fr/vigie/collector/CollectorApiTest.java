package fr.vigie.collector;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.vigie.collector.store.Agents;
import fr.vigie.collector.store.AgentStatus;
import fr.vigie.collector.store.Reports;
import fr.vigie.wire.AgentKeys;
import fr.vigie.wire.Api;
import fr.vigie.wire.CheckIn;
import fr.vigie.wire.EnrollmentToken;
import fr.vigie.wire.MessageKind;
import fr.vigie.wire.SignedEnvelope;
import fr.vigie.wire.WireJson;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The collector's HTTPS API on a real embedded PostgreSQL: acceptance, idempotence and every hostile input. */
class CollectorApiTest {
    private static final String FINESS = "350005179";
    private static final int LIMIT = 1024 * 1024;

    @TempDir
    static Path dir;

    static TestCollector collector;
    static TestAgent agent;

    @BeforeAll
    static void start() throws Exception {
        collector = new TestCollector(dir, LIMIT);
        agent = new TestAgent(collector.url, collector.tls.pin());
        EnrollmentToken token = collector.token(FINESS, Instant.now().plus(Duration.ofDays(1)), 5);
        HttpResponse<String> r = agent.enroll(token);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(json(r).get("agentId").asText()).isEqualTo(agent.id);
        assertThat(json(r).get("status").asText()).isEqualTo("active");
    }

    @AfterAll
    static void stop() throws Exception {
        collector.close();
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return WireJson.mapper().readTree(r.body());
    }

    /** Posts and asserts a refusal with its status and code, and that no table changed. */
    private static void refused(String path, byte[] body, int status, String code) throws Exception {
        Map<String, Long> before = collector.counts();
        HttpResponse<String> r = agent.post(path, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(json(r).get("error").asText()).isEqualTo(code);
        assertThat(json(r).get("message").asText()).isNotBlank();
        assertThat(collector.counts()).isEqualTo(before);
    }

    @Test
    void aSignedReportIsStoredOnceAndCanBeReverifiedFromTheDatabase() throws Exception {
        SignedEnvelope env = agent.report(TestAgent.report(1, "S-1-5-21-1-2-3"));
        long before = new Reports(collector.db.jdbi()).count();
        HttpResponse<String> r = agent.post(Api.REPORTS, env.toJson());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(json(r).get("status").asText()).isEqualTo("stored");
        UUID id = UUID.fromString(json(r).get("reportId").asText());

        HttpResponse<String> replay = agent.post(Api.REPORTS, env.toJson());
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(json(replay).get("status").asText()).isEqualTo("duplicate");
        assertThat(new Reports(collector.db.jdbi()).count()).isEqualTo(before + 1);

        Reports.StoredEnvelopeParts p = new Reports(collector.db.jdbi()).envelope(agent.id, id).orElseThrow();
        assertThat(SignedEnvelope.of(p.payloadType(), p.payload(), agent.id, p.signature())
                .verify(agent.keys.getPublic()).header().messageId()).isEqualTo(id);
        Map<String, Object> row = collector.db.jdbi().withHandle(h -> h.createQuery(
                "SELECT domain_sid, domain_dns, maturity_level, global_score, complete, rule_status::text AS rules "
                        + "FROM reports WHERE report_id = :r").bind("r", id).mapToMap().one());
        assertThat(row).containsEntry("domain_sid", "S-1-5-21-1-2-3").containsEntry("domain_dns", "ch.local")
                .containsEntry("maturity_level", 2).containsEntry("global_score", 65).containsEntry("complete", true);
        assertThat((String) row.get("rules")).contains("\"P-Kerberoasting\": \"FAIL\"");
    }

    @Test
    void aFlippedPayloadByteIsABadSignature() throws Exception {
        SignedEnvelope env = agent.report(TestAgent.report(1, "S-1-5-21-9"));
        String json = new String(env.toJson(), StandardCharsets.UTF_8);
        // re-encode the payload with one bit flipped
        byte[] payload = TestAgent.report(1, "S-1-5-21-8").getBytes(StandardCharsets.UTF_8);
        SignedEnvelope bad = SignedEnvelope.of(env.payloadType(), payload, env.keyIdHint(), env.signature());
        assertThat(json).isNotEqualTo(new String(bad.toJson(), StandardCharsets.UTF_8));
        refused(Api.REPORTS, bad.toJson(), 401, "bad_signature");
    }

    @Test
    void aFlippedSignatureByteIsABadSignature() throws Exception {
        SignedEnvelope env = agent.report(TestAgent.report(1, "S-1-5-21-9"));
        byte[] sig = env.signature();
        sig[17] ^= 0x01;
        byte[] payload = TestAgent.report(1, "S-1-5-21-9").getBytes(StandardCharsets.UTF_8);
        refused(Api.REPORTS, SignedEnvelope.of(env.payloadType(), payload, env.keyIdHint(), sig).toJson(), 401,
                "bad_signature");
    }

    @Test
    void aReportSignedWithAnotherKeyUnderTheEnrolledIdIsABadSignature() throws Exception {
        TestAgent thief = new TestAgent(collector.url, collector.tls.pin());
        SignedEnvelope forged = SignedEnvelope.sign(
                fr.vigie.wire.MessageHeader.create(MessageKind.REPORT, agent.id, Instant.now(), 0),
                TestAgent.report(1, "S-1").getBytes(StandardCharsets.UTF_8), thief.keys.getPrivate(), agent.id);
        refused(Api.REPORTS, forged.toJson(), 401, "bad_signature");
    }

    @Test
    void anUnenrolledAgentIsForbidden() throws Exception {
        TestAgent stranger = new TestAgent(collector.url, collector.tls.pin());
        refused(Api.REPORTS, stranger.report(TestAgent.report(1, "S-1")).toJson(), 403, "unknown_agent");
    }

    @Test
    void reportsOutsideTheTimeWindowAreRefused() throws Exception {
        byte[] p = TestAgent.report(1, "S-1").getBytes(StandardCharsets.UTF_8);
        refused(Api.REPORTS, agent.sign(MessageKind.REPORT, p, Instant.now().plus(Duration.ofMinutes(10))).toJson(), 422,
                "report_in_future");
        refused(Api.REPORTS, agent.sign(MessageKind.REPORT, p, Instant.now().minus(Duration.ofDays(31))).toJson(), 422,
                "report_too_old");
        HttpResponse<String> ok = agent.post(Api.REPORTS,
                agent.sign(MessageKind.REPORT, p, Instant.now().minus(Duration.ofDays(29))).toJson());
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
    }

    @Test
    void truncatedJsonIsRefusedWhetherEnvelopeOrSignedReport() throws Exception {
        byte[] env = agent.report(TestAgent.report(1, "S-1")).toJson();
        refused(Api.REPORTS, java.util.Arrays.copyOf(env, env.length - 10), 400, "malformed_envelope");
        String full = TestAgent.report(1, "S-1");
        byte[] truncated = full.substring(0, full.length() - 5).getBytes(StandardCharsets.UTF_8);
        refused(Api.REPORTS, agent.sign(MessageKind.REPORT, truncated, Instant.now()).toJson(), 400, "malformed_report");
    }

    @Test
    void anUnknownSchemaVersionOrPayloadTypeIsRefused() throws Exception {
        refused(Api.REPORTS, agent.report(TestAgent.report(2, "S-1")).toJson(), 422, "unsupported_schema_version");
        byte[] checkin = WireJson.write(new CheckIn("h", "1", 0, 0, 0));
        refused(Api.REPORTS, agent.sign(MessageKind.CHECKIN, checkin, Instant.now()).toJson(), 415,
                "unsupported_payload_type");
    }

    @Test
    void anOversizedBodyIsRefusedBeforeItIsRead() throws Exception {
        // 50 MB announced: the collector answers 413 without reading the body
        Map<String, Long> before = collector.counts();
        javax.net.ssl.SSLContext ctx = fr.vigie.wire.PinnedTls.context(collector.tls.pin());
        try (SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket("127.0.0.1", collector.server.port())) {
            s.setSoTimeout(20_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST " + Api.REPORTS + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + (50L * 1024 * 1024) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[64 * 1024]);
            out.flush();
            InputStream in = s.getInputStream();
            StringBuilder sb = new StringBuilder();
            byte[] buf = new byte[4096];
            int n;
            while (!sb.toString().contains("\"}") && (n = in.read(buf)) > 0) {
                sb.append(new String(buf, 0, n, StandardCharsets.UTF_8));
            }
            String response = sb.toString();
            assertThat(response).startsWith("HTTP/1.1 413").contains("\"error\":\"body_too_large\"");
        }
        // chunked (no declared length): cut while reading, after limit + 1 bytes
        byte[] big = new byte[LIMIT + 100];
        java.util.Arrays.fill(big, (byte) ' ');
        HttpResponse<String> r = agent.postChunked(Api.REPORTS, big);
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(json(r).get("error").asText()).isEqualTo("body_too_large");
        assertThat(collector.counts()).isEqualTo(before);
    }

    @Test
    void aReusedReportIdWithOtherContentIsAConflict() throws Exception {
        SignedEnvelope first = agent.report(TestAgent.report(1, "S-1-5-21-77"));
        assertThat(agent.post(Api.REPORTS, first.toJson()).statusCode()).isEqualTo(201);
        fr.vigie.wire.MessageHeader h = fr.vigie.wire.MessageHeader.parse(first.payloadType());
        SignedEnvelope other = SignedEnvelope.sign(h, TestAgent.report(1, "S-1-5-21-78").getBytes(StandardCharsets.UTF_8),
                agent.keys.getPrivate(), agent.id);
        refused(Api.REPORTS, other.toJson(), 409, "report_id_conflict");
    }

    @Test
    void enrollmentRefusesBadUsedAndExpiredTokensAndReusedNonces() throws Exception {
        TestAgent a = new TestAgent(collector.url, collector.tls.pin());
        EnrollmentToken once = collector.token(FINESS, Instant.now().plus(Duration.ofHours(1)), 1);
        EnrollmentToken expired = collector.token(FINESS, Instant.now().minus(Duration.ofMinutes(1)), 1);
        refused(Api.ENROLL, a.enrollment("not-a-token", a.nonce(), null), 401, "invalid_token");
        refused(Api.ENROLL, a.enrollment(expired.secret(), a.nonce(), null), 403, "token_expired");
        String nonce = a.nonce();
        HttpResponse<String> ok = a.post(Api.ENROLL, a.enrollment(once.secret(), nonce, null));
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
        TestAgent b = new TestAgent(collector.url, collector.tls.pin());
        refused(Api.ENROLL, b.enrollment(once.secret(), b.nonce(), null), 403, "token_exhausted");
        refused(Api.ENROLL, b.enrollment(once.secret(), nonce, null), 401, "unknown_nonce");
        refused(Api.ENROLL, b.enrollment(once.secret(), "made-up", null), 401, "unknown_nonce");
        // proof of possession: an enrollment signed by another key than the one it enrolls
        SignedEnvelope genuine = SignedEnvelope.parse(b.enrollment(once.secret(), b.nonce(), null));
        SignedEnvelope swapped = SignedEnvelope.of(genuine.payloadType(), WireJson.write(
                new fr.vigie.wire.EnrollmentRequest(once.secret(), b.nonce(), "x", null)), genuine.keyIdHint(),
                genuine.signature());
        refused(Api.ENROLL, swapped.toJson(), 401, "bad_signature");
    }

    @Test
    void aRevokedAgentIsRefused() throws Exception {
        TestAgent a = new TestAgent(collector.url, collector.tls.pin());
        assertThat(a.enroll(collector.token(FINESS, Instant.now().plus(Duration.ofHours(1)), 1)).statusCode()).isEqualTo(201);
        assertThat(a.post(Api.REPORTS, a.report(TestAgent.report(1, "S-1")).toJson()).statusCode()).isEqualTo(201);
        assertThat(new Agents(collector.db.jdbi()).revoke(a.id)).isTrue();
        refused(Api.REPORTS, a.report(TestAgent.report(1, "S-1")).toJson(), 403, "agent_revoked");
    }

    @Test
    void aReplacementWaitsForApprovalThenSupersedesTheOldAgent() throws Exception {
        TestAgent old = new TestAgent(collector.url, collector.tls.pin());
        assertThat(old.enroll(collector.token(FINESS, Instant.now().plus(Duration.ofHours(1)), 1)).statusCode()).isEqualTo(201);
        TestAgent fresh = new TestAgent(collector.url, collector.tls.pin());
        EnrollmentToken t = collector.token(FINESS, Instant.now().plus(Duration.ofHours(1)), 1);
        HttpResponse<String> r = fresh.post(Api.ENROLL, fresh.enrollment(t.secret(), fresh.nonce(), old.id));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(json(r).get("status").asText()).isEqualTo("pending_replacement");
        refused(Api.REPORTS, fresh.report(TestAgent.report(1, "S-1")).toJson(), 403, "agent_pending_approval");

        new Agents(collector.db.jdbi()).approveReplacement(fresh.id);
        assertThat(fresh.post(Api.REPORTS, fresh.report(TestAgent.report(1, "S-1")).toJson()).statusCode()).isEqualTo(201);
        assertThat(new Agents(collector.db.jdbi()).find(old.id).orElseThrow().status()).isEqualTo(AgentStatus.REPLACED);
        refused(Api.REPORTS, old.report(TestAgent.report(1, "S-1")).toJson(), 403, "agent_replaced");
    }

    @Test
    void checkInsUpdateLastSeenAndFlagAnotherHost() throws Exception {
        byte[] c = WireJson.write(new CheckIn("host-" + agent.id.substring(0, 6), "0.1.0", 3, 1000, 0));
        HttpResponse<String> r = agent.post(Api.CHECKIN, agent.sign(MessageKind.CHECKIN, c, Instant.now()).toJson());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r).get("status").asText()).isEqualTo("recorded");
        var rec = new Agents(collector.db.jdbi()).find(agent.id).orElseThrow();
        assertThat(rec.lastCheckin()).isPresent();
        assertThat(rec.spoolPending()).isEqualTo(3);
        assertThat(rec.cloneSuspected()).isFalse();
        // an older (replayed) heartbeat is acknowledged but does not move last check-in back
        HttpResponse<String> old = agent.post(Api.CHECKIN,
                agent.sign(MessageKind.CHECKIN, c, Instant.now().minus(Duration.ofHours(1))).toJson());
        assertThat(json(old).get("status").asText()).isEqualTo("ignored");
        byte[] elsewhere = WireJson.write(new CheckIn("other-machine", "0.1.0", 0, 0, 0));
        agent.post(Api.CHECKIN, agent.sign(MessageKind.CHECKIN, elsewhere, Instant.now().plusSeconds(1)).toJson());
        assertThat(new Agents(collector.db.jdbi()).find(agent.id).orElseThrow().cloneSuspected()).isTrue();
    }

    @Test
    void theRulesetIsServedWithItsVersion() throws Exception {
        HttpResponse<String> r = agent.get(Api.RULESET);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode n = json(r);
        assertThat(n.get("version").asText()).isEqualTo(fr.vigie.ruleset.CatalogueLoader.builtIn().version());
        assertThat(n.get("files").has("catalogue.yaml")).isTrue();
        assertThat(n.get("files").size()).isGreaterThan(1);
    }

    @Test
    void unknownEndpointsAnswerJson() throws Exception {
        HttpResponse<String> r = agent.get(Api.BASE + "/nope");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(json(r).get("error").asText()).isEqualTo("not_found");
    }

    @Test
    void theAgentIdIsTheKeyFingerprint() {
        assertThat(agent.id).isEqualTo(AgentKeys.agentId(agent.keys.getPublic()));
    }
}
