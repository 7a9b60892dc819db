package fr.vigie.agent.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the durations of options and configuration keys: {@code 30} (seconds), {@code 500ms}, {@code 30s},
 * {@code 5m}, {@code 1h} or ISO-8601 ({@code PT30S}). Thread-safe. */
public final class Durations {
    private static final Pattern SIMPLE = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h)?");

    private Durations() {}

    /**
     * @param text the value
     * @param name the option or key, for the error message
     * @throws ConfigException when the text is not a positive duration
     */
    public static Duration parse(String text, String name) throws ConfigException {
        String t = text.strip().toLowerCase(Locale.ROOT);
        Duration d;
        Matcher m = SIMPLE.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            d = switch (unit) {
                case "ms" -> Duration.ofMillis(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofSeconds(n);
            };
        } else {
            try {
                d = Duration.parse(text.strip().toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new ConfigException(name + ": '" + text + "' is not a duration (examples: 30, 30s, 2m, 1h)");
            }
        }
        if (d.isZero() || d.isNegative()) {
            throw new ConfigException(name + ": the duration must be positive, got '" + text + "'");
        }
        return d;
    }
}
