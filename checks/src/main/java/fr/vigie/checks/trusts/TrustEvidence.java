package fr.vigie.checks.trusts;

import fr.vigie.checks.Evidence;
import fr.vigie.snapshot.Trust;
import java.util.ArrayList;
import java.util.List;

/** Readable renderings of a trustedDomain object for evidence (MS-ADTS 6.1.6.7.9 trustAttributes). Stateless. */
final class TrustEvidence {
    private static final int[] FLAGS = {
        Trust.NON_TRANSITIVE, Trust.UPLEVEL_ONLY, Trust.QUARANTINED_DOMAIN, Trust.FOREST_TRANSITIVE,
        Trust.CROSS_ORGANIZATION, Trust.WITHIN_FOREST, Trust.TREAT_AS_EXTERNAL, Trust.USES_RC4_ENCRYPTION,
        Trust.CROSS_ORGANIZATION_NO_TGT_DELEGATION, Trust.CROSS_ORGANIZATION_ENABLE_TGT_DELEGATION
    };
    private static final String[] NAMES = {
        "NON_TRANSITIVE", "UPLEVEL_ONLY", "QUARANTINED_DOMAIN", "FOREST_TRANSITIVE", "CROSS_ORGANIZATION",
        "WITHIN_FOREST", "TREAT_AS_EXTERNAL", "USES_RC4_ENCRYPTION", "CROSS_ORGANIZATION_NO_TGT_DELEGATION",
        "CROSS_ORGANIZATION_ENABLE_TGT_DELEGATION"
    };

    private TrustEvidence() {}

    /** e.g. {@code 0x48 (FOREST_TRANSITIVE|TREAT_AS_EXTERNAL)}; bits without a name are left in the hex value only. */
    static String describeAttributes(int attributes) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < FLAGS.length; i++) {
            if ((attributes & FLAGS[i]) != 0) {
                names.add(NAMES[i]);
            }
        }
        return "0x" + Integer.toHexString(attributes) + " (" + String.join("|", names) + ")";
    }

    /** e.g. {@code 3 (bidirectional)}. */
    static String describeDirection(int direction) {
        String name = switch (direction) {
            case 0 -> "disabled";
            case 1 -> "inbound";
            case 2 -> "outbound";
            case 3 -> "bidirectional";
            default -> "unknown";
        };
        return direction + " (" + name + ")";
    }

    /** e.g. {@code 2 (uplevel: Active Directory)}. */
    static String describeType(int type) {
        String name = switch (type) {
            case 1 -> "downlevel: Windows NT";
            case 2 -> "uplevel: Active Directory";
            case 3 -> "MIT Kerberos realm";
            case 4 -> "DCE";
            default -> "unknown";
        };
        return type + " (" + name + ")";
    }

    /** The trust's DN and partner with its direction, type and attributes. */
    static Evidence of(Trust trust) {
        return new Evidence(trust.dn(), trust.trustPartner(), null)
                .with("trustDirection", describeDirection(trust.direction()))
                .with("trustType", describeType(trust.type()))
                .with("trustAttributes", describeAttributes(trust.attributes()));
    }
}
