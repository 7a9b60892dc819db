package fr.vigie.agent.demo.encode;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * The three ways AD writes time, as they appear over LDAP. Stateless.
 * <ul>
 * <li>FILETIME ("Large Integer" syntax, e.g. {@code pwdLastSet}, {@code lastLogonTimestamp},
 * {@code accountExpires}): 100-nanosecond ticks since 1601-01-01T00:00:00Z, written in decimal.</li>
 * <li>Negative intervals ({@code maxPwdAge}, {@code lockoutDuration}): minus the number of ticks.</li>
 * <li>GeneralizedTime ({@code whenCreated}, {@code whenChanged}): {@code yyyyMMddHHmmss.0Z}.</li>
 * <li>DSTIME (inside {@code replPropertyMetaData}): seconds since 1601-01-01T00:00:00Z.</li>
 * </ul>
 */
public final class AdTimes {
    /** Seconds between 1601-01-01 and 1970-01-01. */
    public static final long EPOCH_DIFF_SECONDS = 11_644_473_600L;
    /** {@code accountExpires} of an account that never expires (also {@code 0}). */
    public static final long NEVER = Long.MAX_VALUE;
    /** {@code maxPwdAge} when passwords never expire. */
    public static final long NEVER_INTERVAL = Long.MIN_VALUE;
    private static final long TICKS_PER_SECOND = 10_000_000L;
    private static final DateTimeFormatter GENERALIZED = DateTimeFormatter.ofPattern("yyyyMMddHHmmss'.0Z'")
            .withZone(ZoneOffset.UTC);

    private AdTimes() {}

    /**
     * @throws IllegalArgumentException when the instant is before 1601 (no FILETIME for it)
     */
    public static long fileTime(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        long seconds = instant.getEpochSecond() + EPOCH_DIFF_SECONDS;
        if (seconds < 0) {
            throw new IllegalArgumentException(instant + " is before 1601-01-01, the FILETIME origin");
        }
        return Math.addExact(Math.multiplyExact(seconds, TICKS_PER_SECOND), instant.getNano() / 100);
    }

    /** The FILETIME of the instant in decimal, as an LDAP value. */
    public static String fileTimeText(Instant instant) {
        return Long.toString(fileTime(instant));
    }

    /** A duration as AD's negative tick count ({@code maxPwdAge} of 42 days is {@code -36288000000000}). */
    public static long negativeInterval(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("interval " + duration + " is negative");
        }
        return -Math.addExact(Math.multiplyExact(duration.getSeconds(), TICKS_PER_SECOND), duration.getNano() / 100);
    }

    /** GeneralizedTime as AD writes it, e.g. {@code 20240102103000.0Z} (second precision, UTC). */
    public static String generalizedTime(Instant instant) {
        return GENERALIZED.format(Objects.requireNonNull(instant, "instant"));
    }

    /** Seconds since 1601-01-01 (DSTIME), the time unit of replication metadata. */
    public static long dsTime(Instant instant) {
        long seconds = Objects.requireNonNull(instant, "instant").getEpochSecond() + EPOCH_DIFF_SECONDS;
        if (seconds < 0) {
            throw new IllegalArgumentException(instant + " is before 1601-01-01, the DSTIME origin");
        }
        return seconds;
    }
}
