package fr.vigie.agent.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
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
 * Durations: {@code 30s}, {@code 10m}, {@code 2h}, {@code 1d} or ISO-8601 ({@code PT10M}). Immutable.
 *
 * @param auditCron Quartz cron expression of the audit
 * @param splay largest random delay added to each audit
 * @param checkinInterval check-in period
 * @param flushInterval spool flush period
 */
public record ScheduleConfig(String auditCron, Duration splay, Duration checkinInterval, Duration flushInterval) {
    public static final ScheduleConfig DEFAULT = new ScheduleConfig("0 0 2 * * ?", Duration.ofHours(2),
            Duration.ofMinutes(10), Duration.ofMinutes(1));

    public ScheduleConfig {
        if (!CronExpression.isValidExpression(auditCron)) {
            throw new IllegalArgumentException("not a Quartz cron expression: " + auditCron
                    + " (seconds minutes hours day-of-month month day-of-week, e.g. \"0 0 2 * * ?\")");
        }
        if (splay.isNegative() || checkinInterval.isZero() || checkinInterval.isNegative() || flushInterval.isZero()
                || flushInterval.isNegative()) {
            throw new IllegalArgumentException("schedule durations must be positive");
        }
    }

    /** Reads the {@code schedule:} section of a YAML file; missing keys take the defaults. */
    public static ScheduleConfig fromYaml(Path file) throws IOException {
        JsonNode s = new ObjectMapper(new YAMLFactory()).readTree(file.toFile()).path("schedule");
        try {
            return new ScheduleConfig(s.path("auditCron").asText(DEFAULT.auditCron),
                    s.has("splay") ? duration(s.get("splay").asText()) : DEFAULT.splay,
                    s.has("checkinInterval") ? duration(s.get("checkinInterval").asText()) : DEFAULT.checkinInterval,
                    s.has("flushInterval") ? duration(s.get("flushInterval").asText()) : DEFAULT.flushInterval);
        } catch (IllegalArgumentException e) {
            throw new IOException("bad schedule in " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses {@code 30s}, {@code 10m}, {@code 2h}, {@code 1d}, or ISO-8601. */
    public static Duration duration(String text) {
        String t = text.strip();
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
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new IllegalArgumentException("not a duration: " + text + " (use 30s, 10m, 2h, 1d or PT10M)");
        }
    }
}
