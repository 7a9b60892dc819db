package fr.vigie.snapshot;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads and writes {@link DirectorySnapshot} as JSON. Empty lists and absent values are omitted to keep snapshots of
 * 100k+ objects compact. Reading checks {@code schemaVersion} first and refuses unknown versions. Thread-safe.
 */
public final class SnapshotJson {
    private static final ObjectMapper MAPPER = mapper();

    private SnapshotJson() {}

    /** The mapper shared by snapshot and report writers: ISO-8601 instants, Optional support, compact output. */
    public static ObjectMapper mapper() {
        return new ObjectMapper()
                .registerModule(new Jdk8Module())
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .setSerializationInclusion(JsonInclude.Include.NON_ABSENT);
    }

    public static void write(DirectorySnapshot snapshot, OutputStream out) throws IOException {
        MAPPER.writeValue(out, snapshot);
    }

    public static void write(DirectorySnapshot snapshot, Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            write(snapshot, out);
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    public static DirectorySnapshot read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }

    /**
     * @throws IOException          when the JSON is malformed
     * @throws SnapshotFormatException when the document is not a snapshot of a supported version
     */
    public static DirectorySnapshot read(InputStream in) throws IOException {
        JsonNode tree = MAPPER.readTree(in);
        if (tree == null || !tree.isObject() || !tree.has("schemaVersion")) {
            throw new SnapshotFormatException("not a Vigie snapshot: no schemaVersion field");
        }
        int version = tree.get("schemaVersion").asInt(-1);
        if (version != DirectorySnapshot.SCHEMA_VERSION) {
            throw new SnapshotFormatException("snapshot schemaVersion " + version + " is not supported (this Vigie reads "
                    + DirectorySnapshot.SCHEMA_VERSION + ")");
        }
        try {
            return MAPPER.treeToValue(tree, DirectorySnapshot.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new SnapshotFormatException("snapshot is malformed: " + e.getMessage());
        }
    }

    /** The document is not a snapshot Vigie can read. */
    public static final class SnapshotFormatException extends IOException {
        private static final long serialVersionUID = 1L;

        public SnapshotFormatException(String message) {
            super(message);
        }
    }
}
