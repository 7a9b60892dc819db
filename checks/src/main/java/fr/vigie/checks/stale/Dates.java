package fr.vigie.checks.stale;

import fr.vigie.checks.CheckContext;
import java.time.Instant;
import java.util.Optional;

/** Renders dates for evidence. Stateless. */
final class Dates {
    private Dates() {}

    /** {@code 2025-12-03T00:00:00Z (180 days ago)}, or {@code never} when absent. */
    static String describe(Optional<Instant> instant, CheckContext context) {
        return instant.map(i -> i + " (" + context.daysSince(i) + " days ago)").orElse("never");
    }
}
