package fr.vigie.checks.stale;

import fr.vigie.checks.Check;
import fr.vigie.checks.CheckContext;
import fr.vigie.checks.Evidence;
import fr.vigie.snapshot.Account;
import fr.vigie.snapshot.ComputerInfo;
import fr.vigie.snapshot.DataSource;
import fr.vigie.snapshot.DirectorySnapshot;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Enabled computers other than domain controllers whose {@code operatingSystem} contains one of the
 * {@code obsoleteOsPatterns} (case-insensitive substring): systems without security updates. Computers that do not
 * publish an operating system are not reported. Domain controllers have their own rule (dc-obsolete-os).
 */
public final class ObsoleteOsMember implements Check {
    @Override
    public String ruleId() {
        return "obsolete-os-member";
    }

    @Override
    public Set<DataSource> requires() {
        return Set.of(DataSource.COMPUTERS);
    }

    @Override
    public List<Evidence> evaluate(DirectorySnapshot snapshot, CheckContext context) {
        List<String> patterns = context.listThreshold("obsoleteOsPatterns");
        return snapshot.computers()
                .filter(a -> a.enabled() && !a.isDomainController())
                .flatMap(a -> a.computer().flatMap(ComputerInfo::operatingSystem)
                        .flatMap(os -> firstMatch(os, patterns).map(p -> evidence(a, os, p))).stream())
                .toList();
    }

    private static Evidence evidence(Account a, String os, String pattern) {
        return Evidence.of(a)
                .with("operatingSystem", os)
                .with("operatingSystemVersion",
                        a.computer().flatMap(ComputerInfo::operatingSystemVersion).orElse("unknown"))
                .with("matchedPattern", pattern);
    }

    private static Optional<String> firstMatch(String os, List<String> patterns) {
        String lower = os.toLowerCase(Locale.ROOT);
        return patterns.stream().filter(p -> lower.contains(p.toLowerCase(Locale.ROOT))).findFirst();
    }
}
