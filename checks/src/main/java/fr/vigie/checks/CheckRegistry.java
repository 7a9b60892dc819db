package fr.vigie.checks;

import fr.vigie.checks.anomalies.AnomaliesChecks;
import fr.vigie.checks.backup.BackupChecks;
import fr.vigie.checks.dc.DcChecks;
import fr.vigie.checks.delegation.DelegationChecks;
import fr.vigie.checks.kerberos.KerberosChecks;
import fr.vigie.checks.privileged.PrivilegedChecks;
import fr.vigie.checks.stale.StaleChecks;
import fr.vigie.checks.trusts.TrustsChecks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The one explicit list of checks, family by family. A test fails on a check without a rule or a rule without one. */
public final class CheckRegistry {
    private CheckRegistry() {}

    public static List<Check> all() {
        List<Check> all = new ArrayList<>();
        all.addAll(PrivilegedChecks.all());
        all.addAll(DelegationChecks.all());
        all.addAll(StaleChecks.all());
        all.addAll(DcChecks.all());
        all.addAll(TrustsChecks.all());
        all.addAll(AnomaliesChecks.all());
        all.addAll(KerberosChecks.all());
        all.addAll(BackupChecks.all());
        return List.copyOf(all);
    }

    /** Checks by rule id; throws when two checks claim the same rule. */
    public static Map<String, Check> byRuleId(List<Check> checks) {
        Map<String, Check> out = new LinkedHashMap<>();
        for (Check c : checks) {
            Check previous = out.put(c.ruleId(), c);
            if (previous != null) {
                throw new IllegalStateException("two checks for rule " + c.ruleId() + ": "
                        + previous.getClass().getName() + " and " + c.getClass().getName());
            }
        }
        return out;
    }
}
