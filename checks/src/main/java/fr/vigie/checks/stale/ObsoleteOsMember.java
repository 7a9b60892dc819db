package fr.vigie.checks.stale;

import fr.vigie.checks.Check;
import fr.vigie.checks.CheckContext;
import fr.vigie.checks.Evidence;
import fr.vigie.checks.OperatingSystems;
import fr.vigie.snapshot.DataSource;
import fr.vigie.snapshot.DirectorySnapshot;
import java.util.List;
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
                .flatMap(a -> OperatingSystems.matching(a, patterns).stream())
                .toList();
    }
}
