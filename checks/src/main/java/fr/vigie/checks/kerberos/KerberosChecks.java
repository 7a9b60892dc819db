package fr.vigie.checks.kerberos;

import fr.vigie.checks.Check;
import java.util.List;

/** The checks of the 'kerberos' family, in catalogue order. Rules: ruleset rules/kerberos.yaml. */
public final class KerberosChecks {
    private KerberosChecks() {}

    public static List<Check> all() {
        return List.of(
                new KerberoastableUser(),
                new SpnAccountWithoutAes());
    }
}
