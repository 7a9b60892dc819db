package fr.vigie.ruleset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A site's threshold overrides, read from a YAML file:
 *
 * <pre>
 * rules:
 *   stale-user-dormant:
 *     thresholds:
 *       inactiveDays: 90
 * </pre>
 *
 * An override that names an unknown rule or threshold, or gives a value of another type than the default, is
 * rejected with a {@link CatalogueException} naming the rule and field. Immutable and thread-safe.
 */
public final class SiteOverrides {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private final Map<String, Map<String, Object>> thresholds;

    private SiteOverrides(Map<String, Map<String, Object>> thresholds) {
        this.thresholds = thresholds;
    }

    /** No override at all. */
    public static SiteOverrides none() {
        return new SiteOverrides(Map.of());
    }

    public static SiteOverrides read(Path file) {
        JsonNode root;
        try {
            root = YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new CatalogueException("cannot read site overrides " + file + ": " + e.getMessage(), e);
        }
        return parse(root);
    }

    static SiteOverrides parse(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new CatalogueException("site overrides: not a YAML mapping with a 'rules' key", null);
        }
        JsonNode rules = root.path("rules");
        if (!rules.isObject()) {
            throw new CatalogueException("site overrides: 'rules' must map rule ids to their overrides", null);
        }
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = rules.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String id = e.getKey();
            JsonNode body = e.getValue();
            for (Iterator<String> f = body.fieldNames(); f.hasNext(); ) {
                String field = f.next();
                if (!field.equals("thresholds")) {
                    throw new CatalogueException(id, field, "unknown override field (only 'thresholds' can be overridden)");
                }
            }
            out.put(id, CatalogueLoader.thresholds(body.path("thresholds"), id));
        }
        return new SiteOverrides(out);
    }

    List<Rule> applyTo(Catalogue catalogue) {
        for (String id : thresholds.keySet()) {
            if (catalogue.find(id).isEmpty()) {
                throw new CatalogueException(id, "id", "no such rule in catalogue " + catalogue.version());
            }
        }
        List<Rule> out = new ArrayList<>();
        for (Rule rule : catalogue.rules()) {
            Map<String, Object> site = thresholds.getOrDefault(rule.id(), Map.of());
            if (site.isEmpty()) {
                out.add(rule);
                continue;
            }
            Map<String, Object> effective = new LinkedHashMap<>(rule.thresholds());
            for (Map.Entry<String, Object> e : site.entrySet()) {
                Object def = rule.thresholds().get(e.getKey());
                if (def == null) {
                    throw new CatalogueException(rule.id(), "thresholds." + e.getKey(),
                            "no such threshold (known: " + rule.thresholds().keySet() + ")");
                }
                if (!sameKind(def, e.getValue())) {
                    throw new CatalogueException(rule.id(), "thresholds." + e.getKey(),
                            "expected " + kind(def) + ", got " + kind(e.getValue()));
                }
                if (e.getValue() instanceof Long l && l < 0) {
                    throw new CatalogueException(rule.id(), "thresholds." + e.getKey(), "must not be negative");
                }
                effective.put(e.getKey(), e.getValue());
            }
            out.add(rule.withThresholds(effective));
        }
        return out;
    }

    private static boolean sameKind(Object a, Object b) {
        return kind(a).equals(kind(b));
    }

    private static String kind(Object o) {
        if (o instanceof Long) {
            return "an integer";
        }
        if (o instanceof Boolean) {
            return "a boolean";
        }
        if (o instanceof List) {
            return "a list of strings";
        }
        return "a string";
    }
}
