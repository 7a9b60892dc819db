package fr.vigie.checks.anomalies;

import fr.vigie.checks.Check;
import fr.vigie.checks.CheckContext;
import fr.vigie.checks.Evidence;
import fr.vigie.snapshot.DataSource;
import fr.vigie.snapshot.DirectorySnapshot;
import java.util.List;
import java.util.Set;

/**
 * Neither legacy LAPS ({@code ms-Mcs-AdmPwd}) nor Windows LAPS ({@code msLAPS-Password}) exists in the schema: the
 * local administrator passwords of workstations and servers are not managed, and are usually identical everywhere,
 * so one compromised computer opens all the others.
 */
public final class LapsAbsent implements Check {
    @Override
    public String ruleId() {
        return "laps-absent";
    }

    @Override
    public Set<DataSource> requires() {
        return Set.of(DataSource.SCHEMA);
    }

    @Override
    public List<Evidence> evaluate(DirectorySnapshot snapshot, CheckContext context) {
        if (snapshot.domain().lapsLegacySchema() || snapshot.domain().lapsWindowsSchema()) {
            return List.of();
        }
        String schema = snapshot.domain().schemaNc().isEmpty() ? "schema" : snapshot.domain().schemaNc();
        return List.of(new Evidence(schema, "LAPS", null)
                .with("ms-Mcs-AdmPwd (legacy LAPS)", "absent from the schema")
                .with("msLAPS-Password (Windows LAPS)", "absent from the schema"));
    }
}
