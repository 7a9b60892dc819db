package fr.vigie.wire;

/**
 * An envelope whose signature has been checked: only {@link SignedEnvelope#verify} creates one. Gives access to the
 * payload bytes and the signed header. Immutable (arrays are copied).
 *
 * @param header signed metadata
 * @param payload exact signed payload bytes
 * @param payloadType the payload type string as signed
 * @param keyId the key hint the envelope carried
 * @param signature the verified signature
 */
public record VerifiedEnvelope(MessageHeader header, byte[] payload, String payloadType, String keyId, byte[] signature) {
    public VerifiedEnvelope {
        payload = payload.clone();
        signature = signature.clone();
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
