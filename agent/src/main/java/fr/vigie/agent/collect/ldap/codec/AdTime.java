package fr.vigie.agent.collect.ldap.codec;

import com.unboundid.util.StaticUtils;
import java.text.ParseException;
import java.time.Instant;
import java.util.Optional;

/**
 * The time encodings of Active Directory. Stateless and thread-safe.
 * <ul>
 * <li>FILETIME (MS-DTYP 2.3.3): 100-nanosecond intervals since 1601-01-01T00:00:00Z, as a decimal integer in
 * {@code pwdLastSet}, {@code lastLogonTimestamp}, {@code accountExpires}. 0 means "never"/"must change", and
 * 0x7FFFFFFFFFFFFFFF means "never" too.</li>
 * <li>DSTIME: whole seconds since 1601-01-01T00:00:00Z, in replication metadata.</li>
 * <li>Negative intervals of 100 ns, in the domain's {@code maxPwdAge}/{@code lockoutDuration};
 * -0x8000000000000000 means "never".</li>
 * <li>GeneralizedTime ({@code whenCreated}, {@code whenChanged}), e.g. {@code 20240131120000.0Z}.</li>
 * </ul>
 */
public final class AdTime {
    /** Seconds from 1601-01-01 to 1970-01-01. */
    public static final long EPOCH_DIFF_SECONDS = 11_644_473_600L;
    /** 100-ns intervals in one day. */
    public static final long TICKS_PER_DAY = 864_000_000_000L;

    private static final long TICKS_PER_SECOND = 10_000_000L;

    private AdTime() {}

    /** A FILETIME value; empty for 0, negative values and 0x7FFFFFFFFFFFFFFF (never set / never). */
    public static Optional<Instant> fromFileTime(long ticks) {
        if (ticks <= 0 || ticks == Long.MAX_VALUE) {
            return Optional.empty();
        }
        long seconds = Math.floorDiv(ticks, TICKS_PER_SECOND) - EPOCH_DIFF_SECONDS;
        long nanos = Math.floorMod(ticks, TICKS_PER_SECOND) * 100;
        return Optional.of(Instant.ofEpochSecond(seconds, nanos));
    }

    /**
     * A FILETIME attribute value in its LDAP (decimal string) form.
     *
     * @throws MalformedValueException when the text is not an integer
     */
    public static Optional<Instant> fromFileTime(String decimal) {
        try {
            return fromFileTime(Long.parseLong(decimal.trim()));
        } catch (NumberFormatException e) {
            throw new MalformedValueException("FILETIME: '" + decimal + "' is not an integer", e);
        }
    }

    /** The FILETIME of an instant (test data, filters). */
    public static long toFileTime(Instant instant) {
        return (instant.getEpochSecond() + EPOCH_DIFF_SECONDS) * TICKS_PER_SECOND + instant.getNano() / 100;
    }

    /** A DSTIME (seconds since 1601); empty for 0. */
    public static Optional<Instant> fromDsTime(long seconds) {
        return seconds <= 0 ? Optional.empty() : Optional.of(Instant.ofEpochSecond(seconds - EPOCH_DIFF_SECONDS));
    }

    /** The DSTIME of an instant. */
    public static long toDsTime(Instant instant) {
        return instant.getEpochSecond() + EPOCH_DIFF_SECONDS;
    }

    /**
     * Whole days of a negative 100-ns interval such as {@code maxPwdAge} ({@code -36288000000000} = 42 days).
     * Returns 0 for "never" (-0x8000000000000000) and for 0; a positive value (not written by AD) is read as its
     * magnitude.
     */
    public static long negativeIntervalToDays(long ticks) {
        if (ticks == Long.MIN_VALUE || ticks == 0) {
            return 0;
        }
        return Math.abs(ticks) / TICKS_PER_DAY;
    }

    /**
     * A GeneralizedTime value ({@code 20240131120000.0Z}, fraction and offset optional).
     *
     * @throws MalformedValueException when the text is not a GeneralizedTime
     */
    public static Instant fromGeneralizedTime(String text) {
        try {
            return StaticUtils.decodeGeneralizedTime(text.trim()).toInstant();
        } catch (ParseException | RuntimeException e) {
            throw new MalformedValueException("GeneralizedTime: '" + text + "' is not a time (expected e.g. "
                    + "20240131120000.0Z)", e);
        }
    }

    /** The AD rendering of an instant as GeneralizedTime, {@code yyyyMMddHHmmss.0Z} (test data). */
    public static String toGeneralizedTime(Instant instant) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(java.time.ZoneOffset.UTC)
                .format(instant) + ".0Z";
    }
}
