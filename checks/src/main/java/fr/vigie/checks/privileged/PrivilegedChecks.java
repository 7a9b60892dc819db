package fr.vigie.checks.privileged;

import fr.vigie.checks.Check;
import java.util.List;

/** The checks of the 'privileged' family, in catalogue order. Rules: ruleset rules/privileged.yaml. */
public final class PrivilegedChecks {
    private PrivilegedChecks() {}

    public static List<Check> all() {
        return List.of(
                new PrivilegedGroupSprawl(),
                new PrivilegedPasswordNeverExpires(),
                new PrivilegedPasswordOld(),
                new PrivilegedSpn(),
                new PrivilegedNoPreauth(),
                new PrivilegedDelegable(),
                new PrivilegedNotProtectedUsers(),
                new PrivilegedDisabledMember(),
                new AdminCountOrphan(),
                new SchemaAdminsNotEmpty(),
                new OperatorsNotEmpty(),
                new PrivilegedReversiblePassword());
    }
}
