package fr.vigie.agent.delivery;

import java.time.Duration;
import java.util.function.LongUnaryOperator;

/**
 * Exponential backoff with "full jitter" (a uniformly random delay between 0 and min(cap, base * 2^attempt)), so
 * that thousands of agents coming back after a collector outage do not retry in lockstep. Immutable.
 *
 * @param base first ceiling (e.g. 5 s)
 * @param cap largest ceiling (e.g. 1 h)
 */
public record Backoff(Duration base, Duration cap) {
    public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(5), Duration.ofHours(1));

    /**
     * The delay before retry number {@code attempt} (0 = first retry).
     *
     * @param random a uniform random source: given n, returns a value in [0, n]
     */
    public Duration delay(int attempt, LongUnaryOperator random) {
        long ceiling = cap.toMillis();
        if (attempt < 40) {
            ceiling = Math.min(ceiling, base.toMillis() << Math.max(0, attempt));
        }
        return Duration.ofMillis(random.applyAsLong(Math.max(0, ceiling)));
    }
}
