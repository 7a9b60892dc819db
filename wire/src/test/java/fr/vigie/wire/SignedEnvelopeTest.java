package fr.vigie.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SignedEnvelopeTest {
    private static final KeyPair KEYS = AgentKeys.generate();
    private static final String AGENT = AgentKeys.agentId(KEYS.getPublic());
    private static final byte[] REPORT = "{\"schemaVersion\":1,\"domain\":{\"sid\":\"S-1-5-21-1-2-3\"}}"
            .getBytes(StandardCharsets.UTF_8);
    private static final Instant T = Instant.parse("2026-11-28T10:15:30.123Z");

    private static SignedEnvelope signed() {
        MessageHeader h = MessageHeader.create(MessageKind.REPORT, AGENT, T, 2);
        return SignedEnvelope.sign(h, REPORT, KEYS.getPrivate(), AGENT);
    }

    @Test
    void roundTripThroughJsonVerifiesAndKeepsTheExactBytesAndHeader() throws Exception {
        SignedEnvelope env = signed();
        VerifiedEnvelope v = SignedEnvelope.parse(env.toJson()).verify(KEYS.getPublic());
        assertThat(v.payload()).isEqualTo(REPORT);
        assertThat(v.header().agentId()).isEqualTo(AGENT);
        assertThat(v.header().kind()).isEqualTo(MessageKind.REPORT);
        assertThat(v.header().createdAt()).isEqualTo(T);
        assertThat(v.header().dropped()).isEqualTo(2);
        assertThat(v.payloadType()).startsWith("application/vnd.vigie.report+json; v=1; agent=" + AGENT + "; id=");
    }

    @Test
    void paeMatchesTheDsseSpecification() {
        assertThat(new String(SignedEnvelope.pae("http://example.com/HelloWorld", "hello world".getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8)).isEqualTo("DSSEv1 29 http://example.com/HelloWorld 11 hello world");
    }

    @Test
    void everySingleFlippedPayloadByteFailsVerification() throws Exception {
        SignedEnvelope env = signed();
        for (int i = 0; i < REPORT.length; i++) {
            byte[] p = REPORT.clone();
            p[i] ^= 0x01;
            SignedEnvelope bad = SignedEnvelope.of(env.payloadType(), p, env.keyIdHint(), env.signature());
            assertThatThrownBy(() -> bad.verify(KEYS.getPublic())).isInstanceOf(WireException.class)
                    .extracting(e -> ((WireException) e).code()).isEqualTo("bad_signature");
        }
    }

    @Test
    void aFlippedSignatureByteFails() {
        SignedEnvelope env = signed();
        for (int i = 0; i < 64; i++) {
            byte[] s = env.signature();
            s[i] ^= 0x40;
            SignedEnvelope bad = SignedEnvelope.of(env.payloadType(), REPORT, env.keyIdHint(), s);
            assertThatThrownBy(() -> bad.verify(KEYS.getPublic())).hasMessageContaining("does not verify");
        }
    }

    @Test
    void aChangedPayloadTypeFailsEvenWhenItStaysCanonical() {
        SignedEnvelope env = signed();
        String otherKind = env.payloadType().replace("report+json", "checkin+json");
        String otherDrop = env.payloadType().replace("dropped=2", "dropped=0");
        String flipped = env.payloadType().substring(0, 10) + 'X' + env.payloadType().substring(11);
        for (String t : new String[] {otherKind, otherDrop, flipped}) {
            SignedEnvelope bad = SignedEnvelope.of(t, REPORT, env.keyIdHint(), env.signature());
            assertThatThrownBy(() -> bad.verify(KEYS.getPublic())).isInstanceOf(WireException.class)
                    .extracting(e -> ((WireException) e).code()).isEqualTo("bad_signature");
        }
    }

    @Test
    void anotherKeyFails() {
        SignedEnvelope env = signed();
        assertThatThrownBy(() -> env.verify(AgentKeys.generate().getPublic()))
                .extracting(e -> ((WireException) e).code()).isEqualTo("bad_signature");
    }

    @Test
    void aValidSignatureByAnotherAgentNamingThisAgentIsRefused() {
        KeyPair other = AgentKeys.generate();
        MessageHeader h = MessageHeader.create(MessageKind.REPORT, AGENT, T, 0);
        SignedEnvelope forged = SignedEnvelope.sign(h, REPORT, other.getPrivate(), AGENT);
        assertThatThrownBy(() -> forged.verify(other.getPublic()))
                .extracting(e -> ((WireException) e).code()).isEqualTo("agent_mismatch");
    }

    @Test
    void malformedEnvelopesAreRefusedWithTheirOwnCode() {
        byte[] json = signed().toJson();
        String s = new String(json, StandardCharsets.UTF_8);
        for (String bad : new String[] {
                s.substring(0, s.length() - 3), "[]", "", "{\"payloadType\":\"x\",\"payload\":\"!!\",\"signatures\":[{\"keyid\":\"a\",\"sig\":\"AA==\"}]}",
                s.replace("\"signatures\":[", "\"signatures\":[{\"keyid\":\"a\",\"sig\":\"AA==\"},"),
                s.replace("{\"payloadType\"", "{\"payloadType\":\"dup\",\"payloadType\"")}) {
            assertThatThrownBy(() -> SignedEnvelope.parse(bad.getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(WireException.class)
                    .extracting(e -> ((WireException) e).code()).isEqualTo("malformed_envelope");
        }
    }

    @Test
    void enrollmentCarriesItsKeyAndProvesPossession() throws Exception {
        KeyPair fresh = AgentKeys.generate();
        String id = AgentKeys.agentId(fresh.getPublic());
        byte[] body = WireJson.write(new EnrollmentRequest("secret", "nonce", "host", null));
        SignedEnvelope env = SignedEnvelope.sign(MessageHeader.create(MessageKind.ENROLLMENT, id, T, 0), body,
                fresh.getPrivate(), SignedEnvelope.enrollmentKeyId(fresh.getPublic()));
        VerifiedEnvelope v = SignedEnvelope.parse(env.toJson()).verifyEnrollment();
        assertThat(v.header().agentId()).isEqualTo(id);
        // someone else's public key in the hint, signed with my key: refused
        SignedEnvelope swapped = SignedEnvelope.of(env.payloadType(), body,
                Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded()), env.signature());
        assertThatThrownBy(swapped::verifyEnrollment).extracting(e -> ((WireException) e).code()).isEqualTo("bad_signature");
    }

    @Test
    void headersAreCanonicalAndStrict() throws Exception {
        MessageHeader h = MessageHeader.create(MessageKind.CHECKIN, AGENT, T, 0);
        assertThat(MessageHeader.parse(h.toPayloadType())).isEqualTo(h);
        assertThatThrownBy(() -> MessageHeader.parse(h.toPayloadType().replace("v=1", "v=2")))
                .extracting(e -> ((WireException) e).code()).isEqualTo("unsupported_payload_type");
        assertThatThrownBy(() -> MessageHeader.parse("text/plain; v=1"))
                .extracting(e -> ((WireException) e).code()).isEqualTo("unsupported_payload_type");
        assertThatThrownBy(() -> MessageHeader.parse(h.toPayloadType() + "; extra=1"))
                .extracting(e -> ((WireException) e).code()).isEqualTo("malformed_payload_type");
        assertThatThrownBy(() -> MessageHeader.parse(h.toPayloadType().replace(".123Z", ".123000Z")))
                .extracting(e -> ((WireException) e).code()).isEqualTo("malformed_payload_type");
    }

    @Test
    void agentIdIsStableAndDependsOnTheKey() {
        assertThat(AgentKeys.agentId(KEYS.getPublic())).matches(AgentKeys.AGENT_ID).isEqualTo(AGENT);
        assertThat(AgentKeys.agentId(AgentKeys.generate().getPublic())).isNotEqualTo(AGENT);
    }

    @Test
    void tokenRoundTripsAndHidesItsSecret() throws Exception {
        EnrollmentToken t = new EnrollmentToken(java.net.URI.create("https://localhost:8443"), EnrollmentToken.newSecret(),
                "pin", "750712184", T);
        EnrollmentToken back = EnrollmentToken.decode(t.encode() + "\n");
        assertThat(back).isEqualTo(t);
        assertThat(t.toString()).doesNotContain(t.secret());
        assertThatThrownBy(() -> EnrollmentToken.decode("hello")).extracting(e -> ((WireException) e).code())
                .isEqualTo("malformed_token");
    }
}
