package fr.vigie.agent.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import fr.vigie.snapshot.SnapshotJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Reads and writes {@link ReportDocument} as UTF-8 JSON, pretty-printed, every field present (absent values as
 * {@code null}). Reading checks {@code reportSchema} and {@code schemaVersion} first and refuses other documents with
 * a clear message; unknown fields are ignored (a newer minor addition). Thread-safe.
 */
public final class ReportJson {
    private static final ObjectMapper MAPPER = SnapshotJson.mapper()
            .setSerializationInclusion(JsonInclude.Include.ALWAYS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private ReportJson() {}

    /** Writes the report; leaves the stream open. */
    public static void write(ReportDocument report, OutputStream out) throws IOException {
        MAPPER.writeValue(out, report);
    }

    public static String toJson(ReportDocument report) throws IOException {
        return MAPPER.writeValueAsString(report);
    }

    /**
     * @throws ReportFormatException when the document is not a Vigie report of a supported version
     * @throws IOException           when the JSON is malformed
     */
    public static ReportDocument read(InputStream in) throws IOException {
        JsonNode tree = MAPPER.readTree(in);
        if (tree == null || !tree.isObject()
                || !ReportDocument.SCHEMA_NAME.equals(tree.path("reportSchema").asText(null))) {
            throw new ReportFormatException("not a Vigie report: reportSchema is not '" + ReportDocument.SCHEMA_NAME
                    + "'");
        }
        int version = tree.path("schemaVersion").asInt(-1);
        if (version != ReportDocument.SCHEMA_VERSION) {
            throw new ReportFormatException("report schemaVersion " + version + " is not supported (this Vigie reads "
                    + ReportDocument.SCHEMA_VERSION + ")");
        }
        try {
            return MAPPER.treeToValue(tree, ReportDocument.class);
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
            throw new ReportFormatException("report is malformed: " + e.getMessage());
        }
    }

    /** The document is not a report this version can read. */
    public static final class ReportFormatException extends IOException {
        private static final long serialVersionUID = 1L;

        public ReportFormatException(String message) {
            super(message);
        }
    }
}
