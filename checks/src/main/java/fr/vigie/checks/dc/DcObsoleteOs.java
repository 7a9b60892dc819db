package fr.vigie.checks.dc;

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
 * Domain controller computer accounts ({@link Account#isDomainController()}, enabled or not) whose
 * {@code operatingSystem} contains one of the {@code obsoleteOsPatterns} (case-insensitive substring): a domain
 * controller without security updates exposes every account of the domain. DCs that publish no operating system
 * are not reported.
 */
public final class DcObsoleteOs implements Check {
    @Override
    public String ruleId() {
        return "dc-obsolete-os";
    }

    @Override
    public Set<DataSource> requires() {
        return Set.of(DataSource.COMPUTERS);
    }

    @Override
    public List<Evidence> evaluate(DirectorySnapshot snapshot, CheckContext context) {
        List<String> patterns = context.listThreshold("obsoleteOsPatterns");
        return snapshot.computers()
                .filter(Account::isDomainController)
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
