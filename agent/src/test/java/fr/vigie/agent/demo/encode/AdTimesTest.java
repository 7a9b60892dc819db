package fr.vigie.agent.demo.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AdTimesTest {
    @Test
    void unixEpochIsTheKnownFileTime() {
        assertThat(AdTimes.fileTime(Instant.EPOCH)).isEqualTo(116_444_736_000_000_000L);
    }

    @Test
    void fileTimeKeeps100NanosecondTicks() {
        Instant t = Instant.parse("2024-01-02T10:30:00.1234567Z");
        // 2024-01-02T10:30:00Z = 1704191400 s since 1970
        assertThat(AdTimes.fileTime(t)).isEqualTo((1_704_191_400L + 11_644_473_600L) * 10_000_000L + 1_234_567L);
        assertThat(AdTimes.fileTimeText(t)).isEqualTo(Long.toString(AdTimes.fileTime(t)));
    }

    @Test
    void fileTimeRefusesInstantsBefore1601() {
        assertThatThrownBy(() -> AdTimes.fileTime(Instant.parse("1600-12-31T23:59:59Z")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1601");
    }

    @Test
    void maxPwdAgeOf42DaysIsTheValueAdShows() {
        assertThat(AdTimes.negativeInterval(Duration.ofDays(42))).isEqualTo(-36_288_000_000_000L);
        assertThat(AdTimes.negativeInterval(Duration.ZERO)).isZero();
        assertThatThrownBy(() -> AdTimes.negativeInterval(Duration.ofDays(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void generalizedTimeHasAdsFormat() {
        assertThat(AdTimes.generalizedTime(Instant.parse("2024-01-02T10:30:00.987Z"))).isEqualTo("20240102103000.0Z");
    }

    @Test
    void dsTimeCountsSecondsSince1601() {
        assertThat(AdTimes.dsTime(Instant.EPOCH)).isEqualTo(11_644_473_600L);
        assertThat(AdTimes.dsTime(Instant.parse("1601-01-01T00:00:00Z"))).isZero();
    }
}
