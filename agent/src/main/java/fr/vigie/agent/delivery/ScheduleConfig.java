package fr.vigie.agent.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.text.ParseException;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Iterator;
import java.util.Set;
import org.quartz.CronExpression;

/**
 * The service schedule, from the {@code schedule:} section of the agent's YAML configuration:
 *
 * <pre>
 * schedule:
 *   auditCron: "0 0 2 * * ?"   # Quartz cron (seconds first): every day at 02:00
 *   splay: 2h                  # each audit starts at a random delay in [0, splay] after the cron time
 *   checkinInterval: 10m       # signed heartbeat period
 *   flushInterval: 1m          # how often the spool is retried (backoff permitting)
 * </pre>
 *
 * Durations: {@code 30s}, {@code 10m}, {@code 2h}, {@code 1d} or ISO-8601 ({@code PT10M}). A bad value is an
 * {@link IllegalArgumentException} (from {@link #fromYaml}, an {@link IOException}) whose message names the key it
 * came from ({@code schedule.auditCron}, or the component name, or the CLI option given to the parsers) and the
 * value. Immutable.
 *
 * @param auditCron Quartz cron expression of the audit
 * @param splay largest random delay added to each audit
 * @param checkinInterval check-in period
 * @param flushInterval spool flush period
 */
public record ScheduleConfig(String auditCron, Duration splay, Duration checkinInterval, Duration flushInterval) {
    public static final ScheduleConfig DEFAULT = new ScheduleConfig("0 0 2 * * ?", Duration.ofHours(2),
            Duration.ofMinutes(10), Duration.ofMinutes(1));

    private static final Set<String> KEYS = Set.of("auditCron", "splay", "checkinInterval", "flushInterval");

    public ScheduleConfig {
        cron("auditCron", auditCron);
        splay("splay", splay);
        interval("checkinInterval", checkinInterval);
        interval("flushInterval", flushInterval);
    }

    /**
     * Reads the {@code schedule:} section of a YAML file; missing keys take the defaults.
     *
     * @throws IOException when the file cannot be read, or {@code bad schedule in <file>: schedule.<key>: ...}
     *     for an unknown key or a bad value
     */
    public static ScheduleConfig fromYaml(Path file) throws IOException {
        JsonNode s = new ObjectMapper(new YAMLFactory()).readTree(file.toFile()).path("schedule");
        try {
            if (s.isMissingNode() || s.isNull()) {
                return DEFAULT;
            }
            if (!s.isObject()) {
                throw new IllegalArgumentException("schedule: must be a mapping of " + String.join(", ", sorted()));
            }
            for (Iterator<String> names = s.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!KEYS.contains(name)) {
                    throw new IllegalArgumentException("schedule." + name + ": unknown key (known: "
                            + String.join(", ", sorted()) + ")");
                }
            }
            return new ScheduleConfig(
                    s.has("auditCron") ? cron("schedule.auditCron", s.get("auditCron").asText()) : DEFAULT.auditCron,
                    s.has("splay") ? splay("schedule.splay", s.get("splay").asText()) : DEFAULT.splay,
                    s.has("checkinInterval") ? interval("schedule.checkinInterval", s.get("checkinInterval").asText())
                            : DEFAULT.checkinInterval,
                    s.has("flushInterval") ? interval("schedule.flushInterval", s.get("flushInterval").asText())
                            : DEFAULT.flushInterval);
        } catch (IllegalArgumentException e) {
            throw new IOException("bad schedule in " + file + ": " + e.getMessage(), e);
        }
    }

    private static java.util.List<String> sorted() {
        return KEYS.stream().sorted().toList();
    }

    /**
     * Checks a Quartz cron expression (seconds first) that fires at least once more.
     *
     * @param key where the value came from, for the message (e.g. {@code schedule.auditCron}, {@code --audit-cron})
     * @return {@code text}
     * @throws IllegalArgumentException naming {@code key} and the value
     */
    public static String cron(String key, String text) {
        String help = " (Quartz cron, seconds first: seconds minutes hours day-of-month month day-of-week [year], "
                + "e.g. \"0 0 2 * * ?\" for every day at 02:00)";
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(key + ": missing cron expression" + help);
        }
        CronExpression expression;
        try {
            expression = new CronExpression(text);
        } catch (ParseException | RuntimeException e) {
            throw new IllegalArgumentException(key + ": not a Quartz cron expression: \"" + text + "\" ("
                    + e.getMessage() + ")" + help, e);
        }
        if (expression.getNextValidTimeAfter(new Date()) == null) {
            throw new IllegalArgumentException(key + ": the cron expression \"" + text + "\" never fires again"
                    + help);
        }
        return text;
    }

    /** Parses a splay (zero or more), for the messages named {@code key}. */
    public static Duration splay(String key, String text) {
        return splay(key, duration(key, text));
    }

    /** Parses a period (more than zero), for the messages named {@code key}. */
    public static Duration interval(String key, String text) {
        return interval(key, duration(key, text));
    }

    private static Duration splay(String key, Duration d) {
        if (d == null || d.isNegative()) {
            throw new IllegalArgumentException(key + ": must be zero or more, not " + d);
        }
        return d;
    }

    private static Duration interval(String key, Duration d) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(key + ": must be more than zero, not " + d);
        }
        return d;
    }

    /** Parses {@code 30s}, {@code 10m}, {@code 2h}, {@code 1d}, or ISO-8601; the message names {@code key}. */
    public static Duration duration(String key, String text) {
        String t = text == null ? "" : text.strip();
        try {
            if (t.matches("[0-9]+[smhd]")) {
                long n = Long.parseLong(t.substring(0, t.length() - 1));
                switch (t.charAt(t.length() - 1)) {
                    case 's': return Duration.ofSeconds(n);
                    case 'm': return Duration.ofMinutes(n);
                    case 'h': return Duration.ofHours(n);
                    default: return Duration.ofDays(n);
                }
            }
            return Duration.parse(t);
        } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException(key + ": not a duration: \"" + text
                    + "\" (use 30s, 10m, 2h, 1d or PT10M)");
        }
    }
}
