package fr.vigie.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.util.Base64;
import java.util.Objects;

/**
 * A DSSE envelope (https://github.com/secure-systems-lab/dsse) with exactly one Ed25519 signature over
 * {@code PAE(payloadType, payload) = "DSSEv1" SP len(type) SP type SP len(payload) SP payload}. JSON form:
 *
 * <pre>{"payloadType":"...","payload":"&lt;base64&gt;","signatures":[{"keyid":"...","sig":"&lt;base64&gt;"}]}</pre>
 *
 * <p>The payload type carries the signed {@link MessageHeader} (agent id, message id, creation time), so nothing
 * the collector relies on is unsigned. The {@code keyid} is the only unsigned field: it is a lookup hint (the agent
 * id; for an enrollment, the base64 SubjectPublicKeyInfo of the new key) and {@link #verify} checks that the signed
 * header names the verifying key.
 *
 * <p>The payload bytes are not reachable before verification: callers get them from the {@link VerifiedEnvelope}
 * that {@link #verify} returns, so "verify before parse" is enforced by the types. Immutable and thread-safe.
 */
public final class SignedEnvelope {
    private static final Base64.Decoder B64 = Base64.getDecoder();
    private static final Base64.Encoder B64E = Base64.getEncoder();

    private final String payloadType;
    private final byte[] payload;
    private final String keyId;
    private final byte[] signature;

    private SignedEnvelope(String payloadType, byte[] payload, String keyId, byte[] signature) {
        this.payloadType = Objects.requireNonNull(payloadType);
        this.payload = payload.clone();
        this.keyId = Objects.requireNonNull(keyId);
        this.signature = signature.clone();
    }

    /** Assembles an envelope from its parts without checking anything (for tests and storage round trips). */
    public static SignedEnvelope of(String payloadType, byte[] payload, String keyId, byte[] signature) {
        return new SignedEnvelope(payloadType, payload, keyId, signature);
    }

    /**
     * Signs {@code payload} (exact bytes, not re-encoded) under {@code header} with the agent's private key.
     *
     * @param keyId the key hint to put in the envelope: the agent id, or for an enrollment {@link #enrollmentKeyId}
     */
    public static SignedEnvelope sign(MessageHeader header, byte[] payload, PrivateKey key, String keyId) {
        String type = header.toPayloadType();
        try {
            Signature s = Signature.getInstance(AgentKeys.ALGORITHM);
            s.initSign(key);
            s.update(pae(type, payload));
            return new SignedEnvelope(type, payload, keyId, s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /** The key hint used by enrollment messages: the base64 SubjectPublicKeyInfo of the enrolling key. */
    public static String enrollmentKeyId(PublicKey key) {
        return B64E.encodeToString(key.getEncoded());
    }

    /** DSSE pre-authentication encoding. */
    public static byte[] pae(String payloadType, byte[] payload) {
        byte[] type = payloadType.getBytes(StandardCharsets.UTF_8);
        byte[] head = ("DSSEv1 " + type.length + " " + payloadType + " " + payload.length + " ")
                .getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[head.length + payload.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(payload, 0, out, head.length, payload.length);
        return out;
    }

    /**
     * Parses the JSON form. Only the envelope is parsed: the payload stays opaque bytes.
     *
     * @throws WireException {@code malformed_envelope} when the JSON is not exactly an envelope of this shape
     */
    public static SignedEnvelope parse(byte[] json) throws WireException {
        JsonNode root = WireJson.tree(json, "envelope", "malformed_envelope");
        if (!root.isObject() || root.size() != 3) {
            throw malformed("the envelope must be an object with payloadType, payload and signatures");
        }
        JsonNode sigs = root.get("signatures");
        if (sigs == null || !sigs.isArray() || sigs.size() != 1 || !sigs.get(0).isObject() || sigs.get(0).size() != 2) {
            throw malformed("the envelope must carry exactly one signature {keyid, sig}");
        }
        String type = text(root, "payloadType");
        byte[] payload = base64(root, "payload");
        String keyId = text(sigs.get(0), "keyid");
        byte[] sig = base64(sigs.get(0), "sig");
        return new SignedEnvelope(type, payload, keyId, sig);
    }

    /** The JSON form (UTF-8). */
    public byte[] toJson() {
        ObjectNode root = WireJson.mapper().createObjectNode();
        root.put("payloadType", payloadType);
        root.put("payload", B64E.encodeToString(payload));
        ObjectNode sig = root.putArray("signatures").addObject();
        sig.put("keyid", keyId);
        sig.put("sig", B64E.encodeToString(signature));
        return WireJson.write(root);
    }

    /** The unsigned key hint: use only to look up a key, then {@link #verify} with it. */
    public String keyIdHint() {
        return keyId;
    }

    /** The payload type as sent (signed, but unparsed until {@link #verify}). */
    public String payloadType() {
        return payloadType;
    }

    /** A copy of the signature bytes. */
    public byte[] signature() {
        return signature.clone();
    }

    /** Payload length in bytes, for size accounting. */
    public int payloadLength() {
        return payload.length;
    }

    /**
     * Checks the signature against {@code key}, then (and only then) parses the signed header and checks it names
     * that key.
     *
     * @throws WireException {@code bad_signature} when the signature does not verify; {@code agent_mismatch} when
     *     the signed header names another agent; a header error code (see {@link MessageHeader#parse})
     */
    public VerifiedEnvelope verify(PublicKey key) throws WireException {
        boolean ok;
        try {
            Signature s = Signature.getInstance(AgentKeys.ALGORITHM);
            s.initVerify(key);
            s.update(pae(payloadType, payload));
            ok = signature.length == 64 && s.verify(signature);
        } catch (InvalidKeyException e) {
            throw new WireException("bad_public_key", "not an Ed25519 key", e);
        } catch (SignatureException e) {
            ok = false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        if (!ok) {
            throw new WireException("bad_signature", "the envelope signature does not verify with the agent's key");
        }
        MessageHeader header = MessageHeader.parse(payloadType);
        if (!header.agentId().equals(AgentKeys.agentId(key))) {
            throw new WireException("agent_mismatch", "the signed agent id does not match the verifying key");
        }
        return new VerifiedEnvelope(header, payload, payloadType, keyId, signature);
    }

    /**
     * Verifies an enrollment message, whose key is carried in the key hint (proof of possession: the sender holds
     * the private key of the public key it asks to enroll).
     *
     * @throws WireException {@code bad_public_key}, {@code bad_signature}, {@code agent_mismatch}, or a header
     *     error; {@code unsupported_payload_type} when the message is not an enrollment
     */
    public VerifiedEnvelope verifyEnrollment() throws WireException {
        byte[] spki;
        try {
            spki = B64.decode(keyId);
        } catch (IllegalArgumentException e) {
            throw new WireException("bad_public_key", "the enrollment key id is not base64", e);
        }
        VerifiedEnvelope v = verify(AgentKeys.publicKey(spki));
        if (v.header().kind() != MessageKind.ENROLLMENT) {
            throw new WireException("unsupported_payload_type", "not an enrollment message");
        }
        return v;
    }

    private static WireException malformed(String message) {
        return new WireException("malformed_envelope", message);
    }

    private static String text(JsonNode node, String field) throws WireException {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw malformed("envelope field " + field + " is missing or not a string");
        }
        return v.textValue();
    }

    private static byte[] base64(JsonNode node, String field) throws WireException {
        try {
            return B64.decode(text(node, field));
        } catch (IllegalArgumentException e) {
            throw new WireException("malformed_envelope", "envelope field " + field + " is not base64", e);
        }
    }

    @Override
    public String toString() {
        return "SignedEnvelope[" + payloadType + ", " + payload.length + " bytes]";
    }
}
