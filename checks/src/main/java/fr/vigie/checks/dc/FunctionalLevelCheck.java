package fr.vigie.checks.dc;

import fr.vigie.checks.Check;
import fr.vigie.checks.CheckContext;
import fr.vigie.checks.Evidence;
import fr.vigie.snapshot.DataSource;
import fr.vigie.snapshot.DirectorySnapshot;
import fr.vigie.snapshot.DomainInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The functional-level checks: the domain ({@code domainFunctionality}) or forest ({@code forestFunctionality})
 * functional level is below the rule's {@code minimumLevel} threshold. Each subclass only names its rule; its
 * threshold says which level it requires, so a very old domain fails all of them (each is one grade of the same
 * checkpoint). A low functional level keeps old, weak protocols and blocks protections such as Protected Users.
 * Stateless; subclasses must be too.
 */
abstract class FunctionalLevelCheck implements Check {
    @Override
    public final Set<DataSource> requires() {
        return Set.of(DataSource.ROOT_DSE);
    }

    @Override
    public final List<Evidence> evaluate(DirectorySnapshot snapshot, CheckContext context) {
        long minimum = context.threshold("minimumLevel");
        DomainInfo d = snapshot.domain();
        String required = ">= " + describe(minimum);
        List<Evidence> out = new ArrayList<>();
        if (d.domainFunctionalLevel() < minimum) {
            out.add(Evidence.of(d.dn())
                    .with("domainFunctionality", describe(d.domainFunctionalLevel()))
                    .with("required", required));
        }
        if (d.forestFunctionalLevel() < minimum) {
            out.add(Evidence.of("CN=Partitions," + d.configurationNc())
                    .with("forestFunctionality", describe(d.forestFunctionalLevel()))
                    .with("required", required));
        }
        return List.copyOf(out);
    }

    /** {@code 2 (Windows Server 2003)}; an unknown value is shown bare. */
    static String describe(long level) {
        String name = switch ((int) level) {
            case 0 -> "Windows 2000";
            case 1 -> "Windows Server 2003 interim";
            case 2 -> "Windows Server 2003";
            case 3 -> "Windows Server 2008";
            case 4 -> "Windows Server 2008 R2";
            case 5 -> "Windows Server 2012";
            case 6 -> "Windows Server 2012 R2";
            case 7 -> "Windows Server 2016";
            case 10 -> "Windows Server 2025";
            default -> "";
        };
        return name.isEmpty() ? String.valueOf(level) : level + " (" + name + ")";
    }
}
