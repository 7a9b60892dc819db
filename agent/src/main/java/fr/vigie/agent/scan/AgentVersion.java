package fr.vigie.agent.scan;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The agent's version, from the {@code fr/vigie/agent/version.properties} resource that the build fills with the
 * project version. Thread-safe.
 */
public final class AgentVersion {
    private static final String RESOURCE = "/fr/vigie/agent/version.properties";

    private AgentVersion() {}

    /** e.g. "0.1.0"; "unknown" when the resource is missing or was not filtered by the build. */
    public static String current() {
        try (InputStream in = AgentVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "").strip();
            return v.isEmpty() || v.contains("${") ? "unknown" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
