package fr.vigie.collector.ingest;

import java.time.Duration;
import java.time.Instant;

/**
 * How far back and ahead of the collector's clock a report's signed creation time may be: reports queued by an
 * agent cut off for weeks are still accepted, a report dated in the future (clock skew beyond tolerance, or a
 * forged date) is not. Deduplication on (agent, report id) handles replays inside the window; no strict counters
 * (they break when a VM snapshot is reverted). Immutable.
 *
 * @param maxAge oldest accepted age (default 30 days)
 * @param maxAhead largest accepted clock skew into the future (default 5 minutes)
 */
public record AcceptanceWindow(Duration maxAge, Duration maxAhead) {
    public static final AcceptanceWindow DEFAULT = new AcceptanceWindow(Duration.ofDays(30), Duration.ofMinutes(5));

    /**
     * @throws ApiException 422 {@code report_too_old} or {@code report_in_future}
     */
    public void check(Instant createdAt, Instant now) throws ApiException {
        if (createdAt.isBefore(now.minus(maxAge))) {
            throw new ApiException(422, "report_too_old", "created " + createdAt + ", older than " + maxAge.toDays()
                    + " days");
        }
        if (createdAt.isAfter(now.plus(maxAhead))) {
            throw new ApiException(422, "report_in_future", "created " + createdAt + ", more than "
                    + maxAhead.toMinutes() + " minutes in the future");
        }
    }
}
