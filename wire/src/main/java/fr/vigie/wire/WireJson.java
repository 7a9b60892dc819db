package fr.vigie.wire;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;

/**
 * The strict JSON reader shared by both ends: duplicate keys, trailing content, NaN and comments are errors;
 * nesting and string sizes are bounded. Thread-safe.
 */
public final class WireJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(64)
                .maxStringLength(32 * 1024 * 1024)
                .build());
    }

    private WireJson() {}

    /** The shared mapper (do not reconfigure). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Parses a JSON document into a tree.
     *
     * @param what what is parsed, for the message
     * @param code the error code to use
     * @throws WireException with {@code code} when the bytes are not one well-formed JSON value
     */
    public static JsonNode tree(byte[] json, String what, String code) throws WireException {
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node == null || node.isMissingNode()) {
                throw new WireException(code, what + " is empty");
            }
            return node;
        } catch (IOException e) {
            throw new WireException(code, what + " is not well-formed JSON: " + firstLine(e.getMessage()), e);
        }
    }

    /** Serializes a value (records, trees) to UTF-8 JSON. */
    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
