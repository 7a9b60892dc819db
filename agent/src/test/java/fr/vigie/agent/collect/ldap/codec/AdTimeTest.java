package fr.vigie.agent.collect.ldap.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AdTimeTest {
    @Test
    void convertsFileTimeToInstant() {
        // 2024-01-31T12:00:00Z = 133511760000000000
        assertThat(AdTime.fromFileTime(133_511_760_000_000_000L)).contains(Instant.parse("2024-01-31T12:00:00Z"));
        assertThat(AdTime.fromFileTime("133511760000000001"))
                .contains(Instant.parse("2024-01-31T12:00:00.0000001Z"));
        assertThat(AdTime.fromFileTime(116_444_736_000_000_000L)).contains(Instant.EPOCH);
    }

    @Test
    void zeroNegativeAndNeverAreEmpty() {
        assertThat(AdTime.fromFileTime(0L)).isEmpty();
        assertThat(AdTime.fromFileTime(-1L)).isEmpty();
        assertThat(AdTime.fromFileTime(Long.MAX_VALUE)).isEmpty();
        assertThat(AdTime.fromFileTime("9223372036854775807")).isEmpty();
    }

    @Test
    void roundTripsFileTime() {
        Instant t = Instant.parse("2021-06-01T08:30:15.1234567Z");
        assertThat(AdTime.fromFileTime(AdTime.toFileTime(t))).contains(t);
    }

    @Test
    void rejectsNonNumericFileTime() {
        assertThatThrownBy(() -> AdTime.fromFileTime("yesterday")).isInstanceOf(MalformedValueException.class)
                .hasMessageContaining("yesterday");
    }

    @Test
    void dsTimeCountsSecondsFrom1601() {
        // Samba wrote 13440373424 for Sat Nov 28 21:03:44 2026 UTC
        assertThat(AdTime.fromDsTime(13_440_373_424L)).contains(Instant.parse("2026-11-28T21:03:44Z"));
        assertThat(AdTime.toDsTime(Instant.parse("2026-11-28T21:03:44Z"))).isEqualTo(13_440_373_424L);
        assertThat(AdTime.fromDsTime(0)).isEmpty();
    }

    @Test
    void maxPwdAgeIntervalsBecomeDays() {
        assertThat(AdTime.negativeIntervalToDays(-36_288_000_000_000L)).isEqualTo(42);
        assertThat(AdTime.negativeIntervalToDays(Long.MIN_VALUE)).isZero();
        assertThat(AdTime.negativeIntervalToDays(0)).isZero();
        assertThat(AdTime.negativeIntervalToDays(-AdTime.TICKS_PER_DAY * 365)).isEqualTo(365);
        assertThat(AdTime.negativeIntervalToDays(-AdTime.TICKS_PER_DAY + 1)).isZero();
    }

    @Test
    void parsesGeneralizedTimeAsAdWritesIt() {
        assertThat(AdTime.fromGeneralizedTime("20240131120000.0Z")).isEqualTo(Instant.parse("2024-01-31T12:00:00Z"));
        assertThat(AdTime.fromGeneralizedTime("20240131120000Z")).isEqualTo(Instant.parse("2024-01-31T12:00:00Z"));
        assertThat(AdTime.toGeneralizedTime(Instant.parse("2024-01-31T12:00:00Z"))).isEqualTo("20240131120000.0Z");
        assertThatThrownBy(() -> AdTime.fromGeneralizedTime("31/01/2024")).isInstanceOf(MalformedValueException.class);
    }
}
