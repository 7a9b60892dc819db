package fr.vigie.collector.ingest;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Single-use enrollment nonces, kept in memory for {@link #TTL}: an agent fetches one, signs it with its new key
 * (proof of possession, and no replay of an old enrollment message). A collector restart simply invalidates the
 * outstanding nonces (the agent asks again). Bounded; thread-safe.
 */
public final class NonceStore {
    /** Lifetime of a nonce. */
    public static final Duration TTL = Duration.ofMinutes(5);
    private static final int MAX_OUTSTANDING = 10_000;

    private final Map<String, Instant> issued = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    public NonceStore(Clock clock) {
        this.clock = clock;
    }

    /**
     * Issues a fresh nonce.
     *
     * @throws ApiException 429 {@code too_many_enrollments} when too many are outstanding
     */
    public String issue() throws ApiException {
        Instant now = clock.instant();
        if (issued.size() >= MAX_OUTSTANDING) {
            for (Iterator<Map.Entry<String, Instant>> it = issued.entrySet().iterator(); it.hasNext();) {
                if (it.next().getValue().isBefore(now)) {
                    it.remove();
                }
            }
            if (issued.size() >= MAX_OUTSTANDING) {
                throw new ApiException(429, "too_many_enrollments", "too many enrollments in progress, retry later");
            }
        }
        byte[] b = new byte[32];
        random.nextBytes(b);
        String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        issued.put(nonce, now.plus(TTL));
        return nonce;
    }

    /** Consumes a nonce: true exactly once for a nonce issued here and not expired. */
    public boolean consume(String nonce) {
        Instant expiry = nonce == null ? null : issued.remove(nonce);
        return expiry != null && !clock.instant().isAfter(expiry);
    }
}
