package fr.vigie.collector.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import fr.vigie.ruleset.Catalogue;
import fr.vigie.ruleset.CatalogueLoader;
import fr.vigie.wire.WireJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The body of {@code GET /api/v1/ruleset}: the built-in catalogue's version and scoring model, and the text of
 * its YAML files (index and one file per family), so that agents can compare the version they scored with and
 * fetch the current one. Built once; immutable.
 */
public final class RulesetDocument {
    private static final String BASE = "/fr/vigie/ruleset/";
    private final byte[] json;
    private final String version;

    private RulesetDocument(byte[] json, String version) {
        this.json = json;
        this.version = version;
    }

    /** Loads and validates the built-in catalogue. */
    public static RulesetDocument builtIn() throws IOException {
        Catalogue c = CatalogueLoader.builtIn();
        String index = read("catalogue.yaml");
        JsonNode files = new ObjectMapper(new YAMLFactory()).readTree(index).path("files");
        ObjectNode root = WireJson.mapper().createObjectNode();
        root.put("version", c.version());
        root.put("scoringModel", c.scoringModel());
        ObjectNode out = root.putObject("files");
        out.put("catalogue.yaml", index);
        for (JsonNode f : files) {
            out.put(f.asText(), read(f.asText()));
        }
        return new RulesetDocument(WireJson.write(root), c.version());
    }

    private static String read(String name) throws IOException {
        if (name.contains("..")) {
            throw new IOException("bad catalogue file name " + name);
        }
        try (InputStream in = RulesetDocument.class.getResourceAsStream(BASE + name)) {
            if (in == null) {
                throw new IOException("catalogue file " + name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    public byte[] json() {
        return json.clone();
    }

    public String version() {
        return version;
    }
}
