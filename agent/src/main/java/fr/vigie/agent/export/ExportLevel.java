package fr.vigie.agent.export;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How much of a report leaves the establishment when it is uploaded ({@code export-level} in the configuration,
 * {@code --export-level} on the command line). The local {@code report.json} and {@code report.html} always keep the
 * real names; only the uploaded copy is minimised, by {@link ReportExport}.
 */
public enum ExportLevel {
    /** The report as written locally: every name and DN of the evidence. */
    FULL("full"),
    /**
     * Every account, group, host and domain name and every DN replaced by a keyed hash (HMAC-SHA-256 with the
     * agent's {@link PseudonymKey}); attribute values that embed names are pseudonymized or dropped.
     */
    PSEUDONYMIZED("pseudonymized"),
    /** No evidence at all: each rule carries only the number of objects that made it fail. */
    COUNTS("counts");

    /**
     * The default: pseudonymized. Account names of hospital staff are personal data (GDPR art. 4); the collector's
     * statistics need none of them, and art. 25 (data protection by default) asks for the minimal setting unless the
     * establishment chooses otherwise.
     */
    public static final ExportLevel DEFAULT = PSEUDONYMIZED;

    private final String id;

    ExportLevel(String id) {
        this.id = id;
    }

    /** The configuration value: {@code full}, {@code pseudonymized} or {@code counts}. */
    public String id() {
        return id;
    }

    /** The level named by a configuration value (case-insensitive), if any. */
    public static Optional<ExportLevel> parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(l -> l.id.equals(t)).findFirst();
    }

    /** The accepted values, for messages: "full, pseudonymized, counts". */
    public static String choices() {
        return Arrays.stream(values()).map(ExportLevel::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id;
    }
}
