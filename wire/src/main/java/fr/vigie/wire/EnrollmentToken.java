package fr.vigie.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Objects;

/**
 * What the collector admin hands to a hospital to enroll one or more agents: the collector URL, a one-time secret
 * (the collector stores only its SHA-256), the pin of the collector's TLS key (base64 SHA-256 of its
 * SubjectPublicKeyInfo, so the agent needs no CA), the FINESS id of the establishment it binds to, and an expiry.
 * Text form: {@code vigie-enroll-1.<base64url(JSON)>}. A secret: {@link #toString()} masks it; read it from a file
 * or stdin, never from the command line. Immutable.
 *
 * @param collectorUrl https base URL of the collector (e.g. {@code https://collector.example:8443})
 * @param secret base64url random secret (256 bits)
 * @param pinSha256 base64 SHA-256 of the collector certificate's public key
 * @param establishment FINESS legal-entity id
 * @param expiresAt expiry
 */
public record EnrollmentToken(URI collectorUrl, String secret, String pinSha256, String establishment, Instant expiresAt) {
    public static final String PREFIX = "vigie-enroll-1.";

    public EnrollmentToken {
        Objects.requireNonNull(collectorUrl, "collectorUrl");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(pinSha256, "pinSha256");
        Objects.requireNonNull(establishment, "establishment");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (!"https".equals(collectorUrl.getScheme())) {
            throw new IllegalArgumentException("the collector URL must be https: " + collectorUrl);
        }
    }

    /** A fresh random secret (base64url, 43 characters). */
    public static String newSecret() {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** SHA-256 of a secret's UTF-8 bytes: what the collector stores and looks up. */
    public static byte[] hashSecret(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text form, to write into a 0600 file. */
    public String encode() {
        ObjectNode n = WireJson.mapper().createObjectNode();
        n.put("url", collectorUrl.toString());
        n.put("secret", secret);
        n.put("pin", pinSha256);
        n.put("establishment", establishment);
        n.put("expires", expiresAt.toString());
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(WireJson.write(n));
    }

    /**
     * Decodes the text form (surrounding whitespace ignored).
     *
     * @throws WireException {@code malformed_token} when it is not a Vigie enrollment token
     */
    public static EnrollmentToken decode(String text) throws WireException {
        String t = text == null ? "" : text.strip();
        if (!t.startsWith(PREFIX)) {
            throw new WireException("malformed_token", "not a Vigie enrollment token (expected " + PREFIX + "...)");
        }
        try {
            byte[] json = Base64.getUrlDecoder().decode(t.substring(PREFIX.length()));
            JsonNode n = WireJson.tree(json, "enrollment token", "malformed_token");
            return new EnrollmentToken(URI.create(n.path("url").asText()), req(n, "secret"), req(n, "pin"),
                    req(n, "establishment"), Instant.parse(req(n, "expires")));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new WireException("malformed_token", "malformed enrollment token: " + e.getMessage(), e);
        }
    }

    private static String req(JsonNode n, String f) {
        JsonNode v = n.get(f);
        if (v == null || !v.isTextual() || v.textValue().isEmpty()) {
            throw new IllegalArgumentException("missing field " + f);
        }
        return v.textValue();
    }

    @Override
    public String toString() {
        return "EnrollmentToken[" + collectorUrl + ", establishment " + establishment + ", expires " + expiresAt
                + ", secret ****]";
    }
}
