package fr.vigie.checks.anomalies;

import fr.vigie.checks.Check;
import fr.vigie.checks.CheckContext;
import fr.vigie.checks.Evidence;
import fr.vigie.snapshot.DataSource;
import fr.vigie.snapshot.DirectorySnapshot;
import java.util.List;
import java.util.Set;

/**
 * The Active Directory Recycle Bin optional feature is not enabled: an object deleted by mistake or by an attacker
 * (an OU of users, a group, a GPO link target) loses most of its attributes and memberships and can only come back
 * through an authoritative restore from backup.
 */
public final class RecycleBinDisabled implements Check {
    @Override
    public String ruleId() {
        return "recycle-bin-disabled";
    }

    @Override
    public Set<DataSource> requires() {
        return Set.of(DataSource.OPTIONAL_FEATURES);
    }

    @Override
    public List<Evidence> evaluate(DirectorySnapshot snapshot, CheckContext context) {
        if (snapshot.directoryService().recycleBinEnabled()) {
            return List.of();
        }
        List<String> enabled = snapshot.directoryService().enabledOptionalFeatures();
        String partitions = snapshot.domain().configurationNc().isEmpty()
                ? "CN=Partitions" : "CN=Partitions," + snapshot.domain().configurationNc();
        return List.of(new Evidence(partitions, "Recycle Bin Feature", null)
                .with("msDS-EnabledFeature", enabled.isEmpty() ? "(none)" : String.join("; ", enabled)));
    }
}
