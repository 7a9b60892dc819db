package fr.vigie.checks.anomalies;

import fr.vigie.checks.Check;
import fr.vigie.checks.CheckContext;
import fr.vigie.checks.Evidence;
import fr.vigie.snapshot.DataSource;
import fr.vigie.snapshot.DirectorySnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Dangerous characters of the forest-wide {@code dSHeuristics} string (MS-ADTS 6.1.1.2.4.1.2; positions are
 * 1-based, a missing character means '0'), one piece of evidence per position at fault:
 * <ul>
 *   <li>7, fLDAPBlockAnonOps = '2': anonymous LDAP operations beyond the RootDSE are allowed;</li>
 *   <li>16, dwAdminSDExMask other than '0': some operator groups are excluded from AdminSDHolder protection
 *       (MS-ADTS 3.1.1.6.1.4);</li>
 *   <li>21, DoNotVerifyUPNAndOrSPNUniqueness other than '0': forest-wide uniqueness of UPNs and/or SPNs is not
 *       enforced (MS-ADTS 3.1.1.5.1.3), which allows duplicate names used to hijack Kerberos authentication.</li>
 * </ul>
 * ANSSI vuln_dsheuristics_bad.
 */
public final class DangerousDsHeuristics implements Check {
    static final int ANONYMOUS_OPS = 7;
    static final int ADMIN_SD_EX_MASK = 16;
    static final int DO_NOT_VERIFY_UNIQUENESS = 21;

    @Override
    public String ruleId() {
        return "dsheuristics-dangerous";
    }

    @Override
    public Set<DataSource> requires() {
        return Set.of(DataSource.DIRECTORY_SERVICE);
    }

    @Override
    public List<Evidence> evaluate(DirectorySnapshot snapshot, CheckContext context) {
        Optional<String> value = snapshot.directoryService().dsHeuristics();
        if (value.isEmpty()) {
            return List.of();
        }
        String h = value.get();
        String object = snapshot.domain().configurationNc().isEmpty()
                ? "CN=Directory Service,CN=Windows NT,CN=Services"
                : "CN=Directory Service,CN=Windows NT,CN=Services," + snapshot.domain().configurationNc();
        List<Evidence> out = new ArrayList<>();
        char anon = at(h, ANONYMOUS_OPS);
        if (anon == '2') {
            out.add(evidence(object, h, ANONYMOUS_OPS, anon,
                    "fLDAPBlockAnonOps: anonymous LDAP operations are allowed"));
        }
        char mask = at(h, ADMIN_SD_EX_MASK);
        if (mask != '0') {
            out.add(evidence(object, h, ADMIN_SD_EX_MASK, mask,
                    "dwAdminSDExMask: AdminSDHolder does not protect " + excludedByMask(mask)));
        }
        char unique = at(h, DO_NOT_VERIFY_UNIQUENESS);
        if (unique != '0') {
            out.add(evidence(object, h, DO_NOT_VERIFY_UNIQUENESS, unique,
                    "DoNotVerifyUPNAndOrSPNUniqueness: uniqueness of " + uniquenessNotVerified(unique)
                            + " is not verified"));
        }
        return out;
    }

    /** The character at a 1-based position, '0' beyond the end of the string (its documented default). */
    static char at(String heuristics, int position) {
        return heuristics.length() >= position ? heuristics.charAt(position - 1) : '0';
    }

    private static Evidence evidence(String object, String value, int position, char c, String meaning) {
        return new Evidence(object, "dSHeuristics", null)
                .with("dSHeuristics", value)
                .with("position", position)
                .with("character", c)
                .with("meaning", meaning);
    }

    /** The operator groups excluded by the hexadecimal digit of dwAdminSDExMask. */
    static String excludedByMask(char c) {
        int bits = Character.digit(c, 16);
        if (bits < 0) {
            return "an undefined set of groups (invalid value)";
        }
        return namesOfBits(bits, "Account Operators", "Server Operators", "Print Operators", "Backup Operators");
    }

    /** What the digit of DoNotVerifyUPNAndOrSPNUniqueness turns off (bit 0 UPN, bit 1 SPN, bit 2 SPN aliases). */
    static String uniquenessNotVerified(char c) {
        int bits = Character.digit(c, 8);
        if (bits < 0) {
            return "UPNs and/or SPNs (undefined value)";
        }
        return namesOfBits(bits, "userPrincipalName", "servicePrincipalName", "SPN aliases");
    }

    /** The names of the bits set in {@code bits}, comma-separated: {@code names[i]} names bit {@code 1 << i}. */
    private static String namesOfBits(int bits, String... names) {
        List<String> set = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            if ((bits & (1 << i)) != 0) {
                set.add(names[i]);
            }
        }
        return String.join(", ", set);
    }
}
