package fr.vigie.checks.dc;

import fr.vigie.checks.Check;
import fr.vigie.checks.CheckContext;
import fr.vigie.checks.Evidence;
import fr.vigie.snapshot.DataSource;
import fr.vigie.snapshot.DirectorySnapshot;
import fr.vigie.snapshot.DomainInfo;
import java.util.List;
import java.util.Set;

/**
 * {@code ms-DS-MachineAccountQuota} of the domain head above 0: any authenticated user may join up to that many
 * computers to the domain, i.e. create accounts the attacker controls (a first step of many relay and delegation
 * attacks). An absent value means the Active Directory default, {@value #AD_DEFAULT}.
 */
public final class MachineAccountQuota implements Check {
    /** What Active Directory applies when the attribute is absent. */
    static final int AD_DEFAULT = 10;

    @Override
    public String ruleId() {
        return "machine-account-quota";
    }

    @Override
    public Set<DataSource> requires() {
        return Set.of(DataSource.DOMAIN);
    }

    @Override
    public List<Evidence> evaluate(DirectorySnapshot snapshot, CheckContext context) {
        DomainInfo domain = snapshot.domain();
        int quota = domain.machineAccountQuota().orElse(AD_DEFAULT);
        if (quota <= 0) {
            return List.of();
        }
        String shown = domain.machineAccountQuota().map(String::valueOf)
                .orElse("absent (Active Directory default: " + AD_DEFAULT + ")");
        return List.of(Evidence.of(domain.dn()).with("ms-DS-MachineAccountQuota", shown));
    }
}
