package fr.vigie.checks.anomalies;

import fr.vigie.checks.Check;
import fr.vigie.checks.CheckContext;
import fr.vigie.checks.Evidence;
import fr.vigie.snapshot.Account;
import fr.vigie.snapshot.ComputerInfo;
import fr.vigie.snapshot.DataSource;
import fr.vigie.snapshot.DirectorySnapshot;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * LAPS is installed in the schema but enabled computers other than domain controllers have no LAPS-managed password
 * ({@link ComputerInfo#lapsPassword()} false). Only computers whose {@code operatingSystem} contains one of the
 * {@code operatingSystems} threshold values (case-insensitive; an empty list means every computer) are counted,
 * since LAPS only manages those. The rule fails when the share of uncovered computers exceeds
 * {@code maxUncoveredPercent}; the evidence lists each uncovered computer. When LAPS is not installed at all,
 * {@link LapsAbsent} reports it and this rule passes.
 */
public final class LapsPartial implements Check {
    @Override
    public String ruleId() {
        return "laps-partial";
    }

    @Override
    public Set<DataSource> requires() {
        return Set.of(DataSource.SCHEMA, DataSource.COMPUTERS);
    }

    @Override
    public List<Evidence> evaluate(DirectorySnapshot snapshot, CheckContext context) {
        if (!snapshot.domain().lapsLegacySchema() && !snapshot.domain().lapsWindowsSchema()) {
            return List.of();
        }
        long maxUncoveredPercent = context.threshold("maxUncoveredPercent");
        List<String> systems = context.listThreshold("operatingSystems").stream()
                .map(s -> s.toLowerCase(Locale.ROOT)).toList();
        List<Account> eligible = snapshot.computers()
                .filter(c -> c.enabled() && !c.isDomainController() && runs(c, systems))
                .toList();
        List<Account> uncovered = eligible.stream()
                .filter(c -> !c.computer().map(ComputerInfo::lapsPassword).orElse(false))
                .toList();
        if (uncovered.isEmpty() || uncovered.size() * 100L <= maxUncoveredPercent * eligible.size()) {
            return List.of();
        }
        String coverage = (eligible.size() - uncovered.size()) + " of " + eligible.size() + " computers managed by LAPS";
        return uncovered.stream()
                .map(c -> Evidence.of(c)
                        .with("operatingSystem", c.computer().flatMap(ComputerInfo::operatingSystem).orElse("unknown"))
                        .with("LAPS password", "none")
                        .with("coverage", coverage))
                .toList();
    }

    private static boolean runs(Account computer, List<String> systems) {
        if (systems.isEmpty()) {
            return true;
        }
        String os = computer.computer().flatMap(ComputerInfo::operatingSystem).orElse("").toLowerCase(Locale.ROOT);
        return systems.stream().anyMatch(os::contains);
    }
}
