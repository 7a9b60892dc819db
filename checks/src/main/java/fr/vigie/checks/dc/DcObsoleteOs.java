package fr.vigie.checks.dc;

import fr.vigie.checks.Check;
import fr.vigie.checks.CheckContext;
import fr.vigie.checks.Evidence;
import fr.vigie.checks.OperatingSystems;
import fr.vigie.snapshot.Account;
import fr.vigie.snapshot.DataSource;
import fr.vigie.snapshot.DirectorySnapshot;
import java.util.List;
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
                .flatMap(a -> OperatingSystems.matching(a, patterns).stream())
                .toList();
    }
}
