package fr.vigie.snapshot;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A trustedDomain object (CN=System of the domain partition). Immutable.
 *
 * @param dn              {@code distinguishedName}
 * @param trustPartner    {@code trustPartner} (DNS name of the other domain)
 * @param flatName        {@code flatName} (NetBIOS name)
 * @param sid             {@code securityIdentifier} of the other domain
 * @param direction       {@code trustDirection}: 1 inbound, 2 outbound, 3 both
 * @param type            {@code trustType}: 1 downlevel, 2 uplevel (AD), 3 MIT, 4 DCE
 * @param attributes      {@code trustAttributes} (MS-ADTS 6.1.6.7.9), see the constants
 * @param whenCreated     {@code whenCreated}
 * @param whenChanged     {@code whenChanged}
 */
public record Trust(
        String dn,
        String trustPartner,
        Optional<String> flatName,
        Optional<String> sid,
        int direction,
        int type,
        int attributes,
        Optional<Instant> whenCreated,
        Optional<Instant> whenChanged) {
    public static final int DIRECTION_INBOUND = 1;
    public static final int DIRECTION_OUTBOUND = 2;
    public static final int NON_TRANSITIVE = 0x1;
    public static final int UPLEVEL_ONLY = 0x2;
    public static final int QUARANTINED_DOMAIN = 0x4;
    public static final int FOREST_TRANSITIVE = 0x8;
    public static final int CROSS_ORGANIZATION = 0x10;
    public static final int WITHIN_FOREST = 0x20;
    public static final int TREAT_AS_EXTERNAL = 0x40;
    public static final int USES_RC4_ENCRYPTION = 0x80;
    public static final int CROSS_ORGANIZATION_NO_TGT_DELEGATION = 0x200;
    public static final int CROSS_ORGANIZATION_ENABLE_TGT_DELEGATION = 0x800;

    public Trust {
        Objects.requireNonNull(dn, "dn");
        trustPartner = trustPartner == null ? "" : trustPartner;
        flatName = Snapshots.opt(flatName);
        sid = Snapshots.opt(sid);
        whenCreated = Snapshots.opt(whenCreated);
        whenChanged = Snapshots.opt(whenChanged);
    }

    public boolean isOutbound() {
        return (direction & DIRECTION_OUTBOUND) != 0;
    }

    public boolean hasAttribute(int flag) {
        return (attributes & flag) != 0;
    }
}
