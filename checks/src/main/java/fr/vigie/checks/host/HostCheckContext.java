package fr.vigie.checks.host;

import fr.vigie.ruleset.Rule;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a host check may use besides the snapshots: the time of collection and its rule with the site's effective
 * thresholds. Immutable.
 *
 * @param asOf the host snapshot's collection time: "now" for every age computation
 * @param rule the rule being evaluated (thresholds merged with site overrides)
 */
public record HostCheckContext(Instant asOf, Rule rule) {
    public HostCheckContext {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(rule, "rule");
    }

    public long threshold(String name) {
        return rule.longThreshold(name);
    }

    public List<String> listThreshold(String name) {
        return rule.stringListThreshold(name);
    }

    /** Whole hours between the instant and {@link #asOf()} (negative when in the future). */
    public long hoursSince(Instant instant) {
        return Duration.between(instant, asOf).toHours();
    }
}
