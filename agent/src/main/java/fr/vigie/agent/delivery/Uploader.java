package fr.vigie.agent.delivery;

import fr.vigie.wire.Api;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.LongUnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the spool to the collector, oldest first, deleting each envelope only on a 2xx acknowledgement (201 stored,
 * 200 duplicate). On a network error or 5xx it stops and waits an exponential backoff with jitter before the next
 * attempt; on 429 it waits the {@code Retry-After} delay; on 403 (agent unknown, revoked or awaiting approval) it
 * stops and keeps everything; another 4xx is a permanent refusal of that envelope, which moves to {@code rejected/}
 * so that it cannot block the queue. Thread-safe (one flush at a time).
 */
public final class Uploader {
    private static final Logger LOG = LoggerFactory.getLogger(Uploader.class);

    private final Spool spool;
    private final Poster client;
    private final Backoff backoff;
    private final Clock clock;
    private final LongUnaryOperator random;
    private int failures;
    private Instant notBefore = Instant.EPOCH;

    /**
     * Outcome of one flush.
     *
     * @param delivered envelopes acknowledged and deleted (including duplicates)
     * @param duplicates of which the collector already had
     * @param rejected envelopes permanently refused and moved aside
     * @param remaining envelopes still spooled
     * @param stoppedBy why the flush stopped early (error code), if it did
     * @param retryIn when the next attempt is allowed, if it stopped early
     */
    public record FlushResult(int delivered, int duplicates, int rejected, int remaining, Optional<String> stoppedBy,
            Optional<Duration> retryIn) {
        public boolean complete() {
            return remaining == 0;
        }
    }

    /** Sends one envelope; {@link CollectorClient#post} in production. */
    @FunctionalInterface
    public interface Poster {
        CollectorClient.Response post(String path, byte[] body) throws IOException, InterruptedException;
    }

    public Uploader(Spool spool, Poster client, Backoff backoff, Clock clock, LongUnaryOperator random) {
        this.spool = spool;
        this.client = client;
        this.backoff = backoff;
        this.clock = clock;
        this.random = random;
    }

    /** True when no backoff or Retry-After delay is running. */
    public synchronized boolean due() {
        return !clock.instant().isBefore(notBefore);
    }

    /** Sends what it can now (see class doc); does nothing while a backoff delay runs. */
    public synchronized FlushResult flush() throws IOException, InterruptedException {
        if (!due()) {
            return new FlushResult(0, 0, 0, spool.list().size(), Optional.of("backing_off"),
                    Optional.of(Duration.between(clock.instant(), notBefore)));
        }
        int delivered = 0;
        int duplicates = 0;
        int rejected = 0;
        for (Spool.Entry e : spool.list()) {
            CollectorClient.Response r;
            try {
                r = client.post(Api.REPORTS, spool.read(e));
            } catch (java.nio.file.NoSuchFileException gone) {
                continue;
            } catch (IOException io) {
                return stop(delivered, duplicates, rejected, "collector_unreachable", Optional.empty(), io.toString());
            }
            if (r.ok()) {
                spool.remove(e);
                delivered++;
                if (r.status() == 200) {
                    duplicates++;
                }
                continue;
            }
            String code = r.errorCode();
            if (r.status() == 429) {
                return stop(delivered, duplicates, rejected, "rate_limited", r.retryAfter(), "HTTP 429");
            }
            if (r.status() >= 500 || r.status() == 403 || r.status() == 408) {
                return stop(delivered, duplicates, rejected, code, Optional.empty(), "HTTP " + r.status());
            }
            LOG.error("the collector permanently refused {}: {} (HTTP {}); moved to rejected/", e.name(), code, r.status());
            spool.reject(e, code);
            rejected++;
        }
        failures = 0;
        notBefore = Instant.EPOCH;
        return new FlushResult(delivered, duplicates, rejected, spool.list().size(), Optional.empty(), Optional.empty());
    }

    private FlushResult stop(int delivered, int duplicates, int rejected, String code, Optional<Duration> retryAfter,
            String detail) throws IOException {
        Duration wait = retryAfter.orElseGet(() -> backoff.delay(failures, random));
        failures++;
        notBefore = clock.instant().plus(wait);
        int remaining = spool.list().size();
        LOG.warn("delivery paused: {} ({}); {} envelope(s) kept in the spool, next attempt in {} s", code, detail,
                remaining, wait.toSeconds());
        return new FlushResult(delivered, duplicates, rejected, remaining, Optional.of(code), Optional.of(wait));
    }
}
