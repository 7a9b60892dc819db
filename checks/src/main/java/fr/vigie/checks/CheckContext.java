package fr.vigie.checks;

import fr.vigie.checks.index.DirectoryIndex;
import fr.vigie.ruleset.Rule;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a check may use besides the snapshot: the time of collection, its rule with the site's effective thresholds,
 * and the index of memberships built once per snapshot. Immutable.
 *
 * @param asOf  the snapshot's collection time: "now" for every age computation
 * @param rule  the rule being evaluated (thresholds merged with site overrides)
 * @param index memberships and lookups, built once per snapshot
 */
public record CheckContext(Instant asOf, Rule rule, DirectoryIndex index) {

    public long threshold(String name) {
        return rule.longThreshold(name);
    }

    public List<String> listThreshold(String name) {
        return rule.stringListThreshold(name);
    }

    /** Whole days between the instant and {@link #asOf()} (negative when in the future). */
    public long daysSince(Instant instant) {
        return Duration.between(instant, asOf).toDays();
    }

    /** True when the instant is absent or at least {@code days} days before {@link #asOf()}. */
    public boolean olderThanDays(Optional<Instant> instant, long days) {
        return instant.isEmpty() || daysSince(instant.get()) >= days;
    }
}
