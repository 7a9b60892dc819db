package fr.vigie.ruleset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Loads and validates the rule catalogue. The catalogue is an index file ({@code catalogue.yaml}: version, scoring
 * model, category cap, list of rule files) plus one YAML file per family of rules. Every field is validated at load;
 * the first problem throws a {@link CatalogueException} naming the rule and field.
 *
 * <p>Thread-safe: holds no state.
 */
public final class CatalogueLoader {
    /** Class-path location of the built-in catalogue index. */
    public static final String BUILT_IN = "/fr/vigie/ruleset/catalogue.yaml";

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern ANSSI_ID = Pattern.compile("vuln_[a-z0-9_]+");
    private static final Set<String> RULE_FIELDS = Set.of(
            "id", "title", "category", "points", "level", "anssi", "pingcastle", "thresholds", "description",
            "remediation");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private CatalogueLoader() {}

    /** The catalogue shipped with Vigie. */
    public static Catalogue builtIn() {
        return load(new ResourceSource() {
            @Override
            public InputStream open(String name) throws IOException {
                String path = name.equals("catalogue.yaml") ? BUILT_IN : "/fr/vigie/ruleset/" + name;
                InputStream in = CatalogueLoader.class.getResourceAsStream(path);
                if (in == null) {
                    throw new IOException("missing catalogue resource " + path);
                }
                return in;
            }
        });
    }

    /** A catalogue from a directory holding {@code catalogue.yaml} and the rule files it lists. */
    public static Catalogue fromDirectory(Path dir) {
        return load(name -> Files.newInputStream(dir.resolve(name)));
    }

    @FunctionalInterface
    interface ResourceSource {
        InputStream open(String name) throws IOException;
    }

    static Catalogue load(ResourceSource source) {
        JsonNode index = read(source, "catalogue.yaml");
        String version = requiredText(index, null, "version");
        String model = requiredText(index, null, "scoringModel");
        int cap = index.path("categoryCap").asInt(100);
        if (cap <= 0) {
            throw new CatalogueException(null, "categoryCap", "must be positive");
        }
        JsonNode files = index.path("files");
        if (!files.isArray() || files.isEmpty()) {
            throw new CatalogueException("catalogue.yaml: 'files' must list the rule files", null);
        }
        List<Rule> rules = new ArrayList<>();
        for (JsonNode f : files) {
            JsonNode doc = read(source, f.asText());
            JsonNode list = doc.path("rules");
            if (list.isMissingNode() || list.isNull()) {
                continue; // a family file with no rules yet
            }
            if (!list.isArray()) {
                throw new CatalogueException(f.asText() + ": 'rules' must be a list", null);
            }
            for (JsonNode r : list) {
                rules.add(parseRule(r, f.asText()));
            }
        }
        return new Catalogue(version, model, cap, rules);
    }

    private static JsonNode read(ResourceSource source, String name) {
        try (InputStream in = source.open(name)) {
            JsonNode node = YAML.readTree(in);
            if (node == null || !node.isObject()) {
                throw new CatalogueException(name + ": not a YAML mapping", null);
            }
            return node;
        } catch (IOException e) {
            throw new CatalogueException("cannot read catalogue file " + name + ": " + e.getMessage(), e);
        }
    }

    static Rule parseRule(JsonNode r, String file) {
        String id = r.path("id").asText(null);
        if (id == null || !ID.matcher(id).matches()) {
            throw new CatalogueException(id, "id", "missing or not kebab-case (in " + file + ")");
        }
        for (Iterator<String> it = r.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!RULE_FIELDS.contains(field)) {
                throw new CatalogueException(id, field, "unknown field (allowed: " + RULE_FIELDS + ")");
            }
        }
        String title = requiredText(r, id, "title");
        String categoryText = requiredText(r, id, "category");
        Category category;
        try {
            category = Category.valueOf(categoryText);
        } catch (IllegalArgumentException e) {
            throw new CatalogueException(id, "category", "'" + categoryText + "' is not one of "
                    + java.util.Arrays.toString(Category.values()));
        }
        int points = requiredInt(r, id, "points", 0, 100);
        int level = requiredInt(r, id, "level", 1, 5);
        List<String> anssi = stringList(r, id, "anssi");
        for (String a : anssi) {
            if (!ANSSI_ID.matcher(a).matches()) {
                throw new CatalogueException(id, "anssi", "'" + a + "' is not an ANSSI checkpoint id (vuln_...)");
            }
        }
        List<String> pingCastle = stringList(r, id, "pingcastle");
        Map<String, Object> thresholds = thresholds(r.path("thresholds"), id);
        String description = requiredText(r, id, "description");
        String remediation = requiredText(r, id, "remediation");
        return new Rule(id, title, category, points, level, anssi, pingCastle, thresholds, description, remediation);
    }

    static Map<String, Object> thresholds(JsonNode node, String id) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (node.isMissingNode() || node.isNull()) {
            return out;
        }
        if (!node.isObject()) {
            throw new CatalogueException(id, "thresholds", "must be a mapping of name to value");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), thresholdValue(e.getValue(), id, "thresholds." + e.getKey()));
        }
        return out;
    }

    static Object thresholdValue(JsonNode v, String id, String field) {
        if (v.isIntegralNumber()) {
            return v.asLong();
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isTextual()) {
            return v.asText();
        }
        if (v.isArray()) {
            List<String> list = new ArrayList<>();
            for (JsonNode item : v) {
                if (!item.isTextual()) {
                    throw new CatalogueException(id, field, "list items must be strings");
                }
                list.add(item.asText());
            }
            return List.copyOf(list);
        }
        throw new CatalogueException(id, field, "must be an integer, a boolean, a string or a list of strings");
    }

    private static String requiredText(JsonNode n, String id, String field) {
        JsonNode v = n.path(field);
        if (!v.isTextual() || v.asText().isBlank()) {
            throw new CatalogueException(id, field, "missing or empty");
        }
        return v.asText().strip();
    }

    private static int requiredInt(JsonNode n, String id, String field, int min, int max) {
        JsonNode v = n.path(field);
        if (!v.isIntegralNumber()) {
            throw new CatalogueException(id, field, "missing or not an integer");
        }
        int i = v.asInt();
        if (i < min || i > max) {
            throw new CatalogueException(id, field, i + " is outside " + min + ".." + max);
        }
        return i;
    }

    private static List<String> stringList(JsonNode n, String id, String field) {
        JsonNode v = n.path(field);
        if (v.isMissingNode() || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw new CatalogueException(id, field, "must be a list");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : v) {
            if (!item.isTextual()) {
                throw new CatalogueException(id, field, "list items must be strings");
            }
            out.add(item.asText());
        }
        return out;
    }

}
