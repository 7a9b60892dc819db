package fr.vigie.collector.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import fr.vigie.wire.WireException;
import fr.vigie.wire.WireJson;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The few fields of an agent report (JSON, schema version 1) that the collector indexes, read from a Jackson tree
 * of an already verified payload: {@code schemaVersion}, {@code domain.sid}, {@code domain.dnsName},
 * {@code score.maturityLevel}, {@code score.globalScore}, {@code score.complete}, {@code rules[].id/status}. The
 * full report is stored as signed. Immutable.
 *
 * @param schemaVersion always 1
 * @param domainSid domain SID
 * @param domainDns domain DNS name
 * @param maturityLevel 1-5
 * @param globalScore 0-100 or more
 * @param complete collection completeness
 * @param ruleStatus rule id to status
 */
public record ReportFields(int schemaVersion, Optional<String> domainSid, Optional<String> domainDns,
        Optional<Integer> maturityLevel, Optional<Integer> globalScore, Optional<Boolean> complete,
        Map<String, String> ruleStatus) {
    /** The only report schema version this collector understands. */
    public static final int SCHEMA_VERSION = 1;

    /**
     * Parses the indexed fields.
     *
     * @throws ApiException 400 {@code malformed_report} (not JSON, truncated, not an object, wrong field types),
     *     422 {@code unsupported_schema_version}
     */
    public static ReportFields parse(byte[] payload) throws ApiException {
        JsonNode root;
        try {
            root = WireJson.tree(payload, "report", "malformed_report");
        } catch (WireException e) {
            throw new ApiException(400, e.code(), e.getMessage());
        }
        if (!root.isObject()) {
            throw new ApiException(400, "malformed_report", "the report is not a JSON object");
        }
        JsonNode v = root.get("schemaVersion");
        if (v == null || !v.isInt()) {
            throw new ApiException(400, "malformed_report", "the report has no integer schemaVersion");
        }
        if (v.intValue() != SCHEMA_VERSION) {
            throw new ApiException(422, "unsupported_schema_version", "report schemaVersion " + v.intValue()
                    + " is not supported (expected " + SCHEMA_VERSION + ")");
        }
        JsonNode domain = object(root, "domain");
        JsonNode score = object(root, "score");
        Optional<Integer> level = integer(score, "maturityLevel");
        if (level.isPresent() && (level.get() < 1 || level.get() > 5)) {
            throw new ApiException(400, "malformed_report", "score.maturityLevel must be 1 to 5");
        }
        Map<String, String> rules = new LinkedHashMap<>();
        JsonNode arr = root.get("rules");
        if (arr != null && !arr.isNull()) {
            if (!arr.isArray()) {
                throw new ApiException(400, "malformed_report", "rules must be an array");
            }
            for (JsonNode r : arr) {
                JsonNode id = r.get("id");
                JsonNode status = r.get("status");
                if (id == null || !id.isTextual() || status == null || !status.isTextual()) {
                    throw new ApiException(400, "malformed_report", "each rule needs a string id and status");
                }
                rules.put(id.textValue(), status.textValue());
            }
        }
        return new ReportFields(SCHEMA_VERSION, text(domain, "sid"), text(domain, "dnsName"), level,
                integer(score, "globalScore"), bool(score, "complete"), rules);
    }

    private static JsonNode object(JsonNode root, String field) throws ApiException {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
        if (!n.isObject()) {
            throw new ApiException(400, "malformed_report", field + " must be an object");
        }
        return n;
    }

    private static Optional<String> text(JsonNode n, String f) throws ApiException {
        JsonNode v = n.get(f);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isTextual()) {
            throw new ApiException(400, "malformed_report", f + " must be a string");
        }
        return Optional.of(v.textValue());
    }

    private static Optional<Integer> integer(JsonNode n, String f) throws ApiException {
        JsonNode v = n.get(f);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isInt()) {
            throw new ApiException(400, "malformed_report", f + " must be an integer");
        }
        return Optional.of(v.intValue());
    }

    private static Optional<Boolean> bool(JsonNode n, String f) throws ApiException {
        JsonNode v = n.get(f);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isBoolean()) {
            throw new ApiException(400, "malformed_report", f + " must be a boolean");
        }
        return Optional.of(v.booleanValue());
    }
}
