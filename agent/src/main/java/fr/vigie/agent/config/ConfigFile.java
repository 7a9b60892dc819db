package fr.vigie.agent.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import fr.vigie.agent.export.ExportLevel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads the settings of {@code vigie scan} from a YAML file ({@code --config}). The keys are the long option names
 * without their dashes, e.g.:
 *
 * <pre>
 * server: dc1.ch-exemple.local
 * bind-dn: audit-vigie@ch-exemple.local
 * password-file: /etc/vigie/audit.password   # never the password itself
 * trust-store: /etc/vigie/ca.p12
 * out: /var/lib/vigie/reports
 * timeout: 30s
 * export-level: pseudonymized                # what an uploaded report keeps: full, pseudonymized, counts
 * backup-locations: [/srv/backup, /mnt/nas]  # backup folders scanned on the agent's host
 * no-host: false                             # true: do not inspect the agent's host
 * schedule:                                  # read by vigie run only (ScheduleConfig)
 *   auditCron: "0 0 2 * * ?"
 * </pre>
 *
 * Relative paths are resolved against the directory of the configuration file. An unknown key, a value of the
 * wrong type, a duplicate key or a password written in the file is rejected with a {@link ConfigException} naming
 * the file and the key. Thread-safe: holds no state.
 */
public final class ConfigFile {
    private static final ObjectMapper YAML = new ObjectMapper(
            new YAMLFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION));

    /** Keys that would hold a secret: refused with an explanation rather than as merely unknown. */
    private static final Set<String> SECRET_KEYS = Set.of("password", "bind-password", "passwd", "secret",
            "trust-store-password");

    @FunctionalInterface
    private interface Setter {
        void set(ScanOptions.Builder b, Value v) throws ConfigException;
    }

    private static final Map<String, Setter> KEYS = keys();
    /** The service schedule section, shared with {@code vigie run} when it uses the same file. */
    public static final String SCHEDULE_KEY = "schedule";

    private ConfigFile() {}

    private static Map<String, Setter> keys() {
        Map<String, Setter> k = new LinkedHashMap<>();
        k.put("server", (b, v) -> b.server(v.text()));
        k.put("port", (b, v) -> b.port(v.integer()));
        k.put("starttls", (b, v) -> b.startTls(v.bool()));
        k.put("insecure-plain-ldap", (b, v) -> b.insecurePlainLdap(v.bool()));
        k.put("trust-store", (b, v) -> b.trustStore(v.path()));
        k.put("trust-store-password-file", (b, v) -> b.trustStorePasswordFile(v.path()));
        k.put("pin-sha256", (b, v) -> b.pinSha256(v.text()));
        k.put("insecure-trust-any-certificate", (b, v) -> b.insecureTrustAnyCertificate(v.bool()));
        k.put("bind-dn", (b, v) -> b.bindDn(v.text()));
        k.put("password-file", (b, v) -> b.passwordFile(v.path()));
        k.put("password-env", (b, v) -> b.passwordEnv(v.text()));
        k.put("base-dn", (b, v) -> b.baseDn(v.text()));
        k.put("out", (b, v) -> b.out(v.path()));
        k.put("thresholds", (b, v) -> b.thresholds(v.path()));
        k.put("ruleset", (b, v) -> b.ruleset(v.path()));
        k.put("timeout", (b, v) -> b.timeout(Durations.parse(v.scalar(), v.where())));
        k.put("export-level", (b, v) -> b.exportLevel(exportLevel(v.text(), v.where())));
        k.put("no-host", (b, v) -> b.noHost(v.bool()));
        k.put("backup-locations", (b, v) -> b.backupLocations(v.paths()));
        k.put("backup-software", (b, v) -> b.backupSoftware(v.texts()));
        k.put("host-timeout", (b, v) -> b.hostTimeout(Durations.parse(v.scalar(), v.where())));
        return Map.copyOf(k);
    }

    /**
     * Parses an export level.
     *
     * @param where the option or configuration key, for the message
     * @throws ConfigException naming the accepted values
     */
    public static ExportLevel exportLevel(String text, String where) throws ConfigException {
        return ExportLevel.parse(text).orElseThrow(() -> new ConfigException(where + ": '" + text
                + "' is not an export level (expected one of: " + ExportLevel.choices() + ")"));
    }

    /** The keys a configuration file may contain, in documentation order. */
    public static Set<String> knownKeys() {
        return new java.util.TreeSet<>(KEYS.keySet());
    }

    /**
     * @throws ConfigException when the file is missing, unreadable, not YAML, or holds an unknown key, a bad value
     *                         or a secret
     */
    public static ScanOptions read(Path file) throws ConfigException {
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new ConfigException("config file " + file + " does not exist", e);
        } catch (JsonProcessingException e) {
            throw new ConfigException("config file " + file + " is not valid YAML: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"), e);
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + file + ": " + e.getMessage(), e);
        }
        if (root == null || root.isMissingNode() || !root.isObject()) {
            throw new ConfigException("config file " + file + " must be a YAML mapping of settings (key: value)");
        }
        Path base = file.toAbsolutePath().getParent();
        ScanOptions.Builder b = ScanOptions.builder();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            if (SECRET_KEYS.contains(key)) {
                throw new ConfigException("config file " + file + ", key '" + key + "': a configuration file must not "
                        + "hold a password; put it in a file readable only by the agent's account and name that file "
                        + "with 'password-file' (or use 'password-env')");
            }
            if (key.equals(SCHEDULE_KEY)) {
                continue; // read by `vigie run` (fr.vigie.agent.delivery.ScheduleConfig), not a scan setting
            }
            Setter setter = KEYS.get(key);
            if (setter == null) {
                throw new ConfigException("config file " + file + ": unknown key '" + key + "' (known keys: "
                        + String.join(", ", knownKeys()) + ", and the section '" + SCHEDULE_KEY + "' of vigie run)");
            }
            setter.set(b, new Value(file, key, e.getValue(), base));
        }
        return b.build();
    }

    /** One value with what is needed to describe it in an error. */
    private record Value(Path file, String key, JsonNode node, Path base) {
        String where() {
            return "config file " + file + ", key '" + key + "'";
        }

        private ConfigException bad(String expected) {
            String got = node.isNull() ? "no value" : "'" + node.asText() + "'";
            return new ConfigException(where() + ": expected " + expected + ", got " + got);
        }

        String text() throws ConfigException {
            if (!node.isTextual() && !node.isNumber()) {
                throw bad("a string");
            }
            String t = node.asText().strip();
            if (t.isEmpty()) {
                throw bad("a non-empty string");
            }
            return t;
        }

        String scalar() throws ConfigException {
            return text();
        }

        Integer integer() throws ConfigException {
            if (!node.isIntegralNumber() || !node.canConvertToInt()) {
                throw bad("an integer");
            }
            return node.asInt();
        }

        Boolean bool() throws ConfigException {
            if (!node.isBoolean()) {
                throw bad("true or false");
            }
            return node.asBoolean();
        }

        /** A list of paths; a single path is accepted as a list of one. */
        java.util.List<Path> paths() throws ConfigException {
            java.util.List<Path> out = new java.util.ArrayList<>();
            for (Value item : items("a list of paths")) {
                out.add(item.path());
            }
            return out;
        }

        /** A list of strings; a single string is accepted as a list of one. */
        java.util.List<String> texts() throws ConfigException {
            java.util.List<String> out = new java.util.ArrayList<>();
            for (Value item : items("a list of names")) {
                out.add(item.text());
            }
            return out;
        }

        private java.util.List<Value> items(String expected) throws ConfigException {
            if (node.isTextual()) {
                return java.util.List.of(this);
            }
            if (!node.isArray() || node.isEmpty()) {
                throw bad(expected);
            }
            java.util.List<Value> out = new java.util.ArrayList<>();
            node.forEach(n -> out.add(new Value(file, key, n, base)));
            return out;
        }

        Path path() throws ConfigException {
            if (!node.isTextual() || node.asText().isBlank()) {
                throw bad("a file or directory path");
            }
            try {
                return base.resolve(node.asText().strip()).normalize();
            } catch (java.nio.file.InvalidPathException e) {
                throw bad("a valid path");
            }
        }
    }
}
