package fr.vigie.snapshot.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.vigie.snapshot.SnapshotJson;
import fr.vigie.snapshot.SnapshotJson.SnapshotFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Reads and writes {@link HostSnapshot} as JSON with the mapper of {@link SnapshotJson} (ISO-8601 instants, empty
 * values omitted). Reading checks {@code schemaVersion} and a {@code kind} marker first, so that a directory
 * snapshot given by mistake is refused with a clear message. Thread-safe.
 */
public final class HostSnapshotJson {
    /** Value of the {@code kind} field written beside the snapshot's own fields. */
    public static final String KIND = "vigie-host-snapshot";

    private static final ObjectMapper MAPPER = SnapshotJson.mapper();

    private HostSnapshotJson() {}

    public static void write(HostSnapshot snapshot, OutputStream out) throws IOException {
        com.fasterxml.jackson.databind.node.ObjectNode tree = MAPPER.valueToTree(snapshot);
        com.fasterxml.jackson.databind.node.ObjectNode doc = MAPPER.createObjectNode();
        doc.put("kind", KIND);
        doc.setAll(tree);
        MAPPER.writeValue(out, doc);
    }

    /** Writes atomically (temporary file then rename). */
    public static void write(HostSnapshot snapshot, Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            write(snapshot, out);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public static HostSnapshot read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }

    /**
     * @throws IOException             when the JSON is malformed
     * @throws SnapshotFormatException when the document is not a host snapshot of a supported version
     */
    public static HostSnapshot read(InputStream in) throws IOException {
        JsonNode tree = MAPPER.readTree(in);
        if (tree == null || !tree.isObject() || !KIND.equals(tree.path("kind").asText())) {
            throw new SnapshotFormatException("not a Vigie host snapshot: no \"kind\": \"" + KIND + "\" field");
        }
        int version = tree.path("schemaVersion").asInt(-1);
        if (version != HostSnapshot.SCHEMA_VERSION) {
            throw new SnapshotFormatException("host snapshot schemaVersion " + version
                    + " is not supported (this Vigie reads " + HostSnapshot.SCHEMA_VERSION + ")");
        }
        try {
            return MAPPER.treeToValue(tree, HostSnapshot.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new SnapshotFormatException("host snapshot is malformed: " + e.getMessage());
        }
    }
}
