package fr.vigie.checks;

import fr.vigie.snapshot.Account;
import fr.vigie.snapshot.ComputerInfo;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Matching a computer's {@code operatingSystem} against a list threshold of patterns (such as
 * {@code obsoleteOsPatterns}): a pattern matches when the operating system contains it, ignoring case. Stateless;
 * thread-safe. Parameters must not be null.
 */
public final class OperatingSystems {
    private OperatingSystems() {}

    /** The first pattern, in list order, that the operating system contains (case-insensitive); empty when none. */
    public static Optional<String> firstMatch(String operatingSystem, List<String> patterns) {
        String lower = operatingSystem.toLowerCase(Locale.ROOT);
        return patterns.stream().filter(p -> lower.contains(p.toLowerCase(Locale.ROOT))).findFirst();
    }

    /**
     * Evidence for a computer whose {@code operatingSystem} matches one of the patterns: the account with
     * {@code operatingSystem}, {@code operatingSystemVersion} ({@code unknown} when absent) and {@code matchedPattern}.
     * Empty when no pattern matches or the computer publishes no operating system.
     */
    public static Optional<Evidence> matching(Account computer, List<String> patterns) {
        return computer.computer().flatMap(ComputerInfo::operatingSystem)
                .flatMap(os -> firstMatch(os, patterns).map(p -> Evidence.of(computer)
                        .with("operatingSystem", os)
                        .with("operatingSystemVersion",
                                computer.computer().flatMap(ComputerInfo::operatingSystemVersion).orElse("unknown"))
                        .with("matchedPattern", p)));
    }
}
