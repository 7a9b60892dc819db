package fr.vigie.agent.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.vigie.wire.AgentKeys;
import fr.vigie.wire.WireException;
import fr.vigie.wire.WireJson;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * The agent's enrolled identity, kept in its state directory (0700): {@code agent.key} (the Ed25519 private key,
 * PKCS#8 PEM, 0600) and {@code identity.json} (agent id, public key, collector URL and TLS pin, establishment,
 * enrollment time, 0600). Loading refuses files readable by others. {@link #toString()} never shows the key.
 * Immutable.
 */
public final class AgentIdentity {
    static final String KEY_FILE = "agent.key";
    static final String IDENTITY_FILE = "identity.json";

    private final String agentId;
    private final KeyPair keys;
    private final URI collectorUrl;
    private final String pin;
    private final String establishment;
    private final Instant enrolledAt;

    AgentIdentity(KeyPair keys, URI collectorUrl, String pin, String establishment, Instant enrolledAt) {
        this.keys = Objects.requireNonNull(keys);
        this.agentId = AgentKeys.agentId(keys.getPublic());
        this.collectorUrl = Objects.requireNonNull(collectorUrl);
        this.pin = Objects.requireNonNull(pin);
        this.establishment = Objects.requireNonNull(establishment);
        this.enrolledAt = Objects.requireNonNull(enrolledAt);
    }

    /** True when the state directory holds an identity. */
    public static boolean exists(Path stateDir) {
        return Files.exists(stateDir.resolve(IDENTITY_FILE));
    }

    /**
     * Loads the identity.
     *
     * @throws IOException when missing ("not enrolled"), unreadable, readable by others, or inconsistent
     */
    public static AgentIdentity load(Path stateDir) throws IOException {
        Path keyFile = stateDir.resolve(KEY_FILE);
        Path idFile = stateDir.resolve(IDENTITY_FILE);
        if (!Files.exists(idFile) || !Files.exists(keyFile)) {
            throw new IOException("this agent is not enrolled (no identity in " + stateDir + "): run `vigie enroll`");
        }
        if (PrivateFiles.readableByOthers(keyFile)) {
            throw new IOException(keyFile + " is readable by other users: run chmod 600 " + keyFile);
        }
        try {
            JsonNode n = WireJson.tree(Files.readAllBytes(idFile), IDENTITY_FILE, "bad_identity");
            String pem = Files.readString(keyFile, StandardCharsets.US_ASCII)
                    .replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", "")
                    .replaceAll("\\s", "");
            PrivateKey priv = AgentKeys.privateKey(Base64.getDecoder().decode(pem));
            PublicKey pub = AgentKeys.publicKey(Base64.getDecoder().decode(n.path("publicKey").asText()));
            AgentIdentity id = new AgentIdentity(new KeyPair(pub, priv), URI.create(n.path("collectorUrl").asText()),
                    n.path("pin").asText(), n.path("establishment").asText(), Instant.parse(n.path("enrolledAt").asText()));
            if (!id.agentId.equals(n.path("agentId").asText())) {
                throw new IOException(idFile + " does not match its key");
            }
            return id;
        } catch (WireException | IllegalArgumentException | java.time.DateTimeException e) {
            throw new IOException("the agent identity in " + stateDir + " is damaged: " + e.getMessage(), e);
        }
    }

    /** Writes the key, then the identity (both 0600, atomically), into {@code stateDir} (made 0700). */
    void save(Path stateDir) throws IOException {
        PrivateFiles.directory(stateDir);
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        PrivateFiles.writeAtomically(stateDir.resolve(KEY_FILE), pem.getBytes(StandardCharsets.US_ASCII));
        ObjectNode n = WireJson.mapper().createObjectNode();
        n.put("agentId", agentId);
        n.put("publicKey", Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()));
        n.put("collectorUrl", collectorUrl.toString());
        n.put("pin", pin);
        n.put("establishment", establishment);
        n.put("enrolledAt", enrolledAt.toString());
        PrivateFiles.writeAtomically(stateDir.resolve(IDENTITY_FILE),
                WireJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(n));
    }

    public String agentId() {
        return agentId;
    }

    PrivateKey privateKey() {
        return keys.getPrivate();
    }

    public PublicKey publicKey() {
        return keys.getPublic();
    }

    public URI collectorUrl() {
        return collectorUrl;
    }

    public String pin() {
        return pin;
    }

    public String establishment() {
        return establishment;
    }

    public Instant enrolledAt() {
        return enrolledAt;
    }

    @Override
    public String toString() {
        return "AgentIdentity[" + agentId + ", " + establishment + ", " + collectorUrl + "]";
    }
}
