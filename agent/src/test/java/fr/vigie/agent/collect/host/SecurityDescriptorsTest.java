package fr.vigie.agent.collect.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.vigie.snapshot.host.AccessRights;
import fr.vigie.snapshot.host.AceType;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Security descriptors recorded as bytes: encoded by Samba's own NDR implementation (python3-samba,
 * {@code ndr_pack(security.descriptor.from_sddl(sddl, S-1-5-21-1000-2000-3000))}; masks written in hex because
 * Samba maps the SDDL right "FA" to 0x1FF, not Windows' 0x1F01FF), the same self-relative layout
 * Windows returns from NetShareEnum level 502 and GetNamedSecurityInfo.
 */
class SecurityDescriptorsTest {
    /** O:BAG:BAD:(A;;0x1f01ff;;;WD) : the default share ACL "Everyone: Full Control". */
    static final String EVERYONE_FULL = "010004801400000024000000000000003400000001020000000000052000000020020000010200000000000520000000" + "2002000004001c000100000000001400ff011f00010100000000000100000000";
    /** O:BAG:SYD:PAI(A;OICI;0x1f01ff;;;BA)(A;OICI;0x1301bf;;;DU)(A;OICIIO;GA;;;CO)(D;;0x2;;;BG) */
    static final String NTFS_DOMAIN_USERS_CHANGE = "010004941400000024000000000000003000000001020000000000052000000020020000010100000000000512000000" + "040070000400000000031800ff011f000102000000000005200000002002000000032400bf0113000105000000000005" + "15000000e8030000d0070000b80b000001020000000b1400000000100101000000000003000000000100180002000000" + "01020000000000052000000022020000";
    /** O:BAG:SYD:(A;;0x1f01ff;;;BA)(A;;0x1200a9;;;AU) : administrators full, authenticated users read. */
    static final String RESTRICTED = "010004801400000024000000000000003000000001020000000000052000000020020000010100000000000512000000" + "040034000200000000001800ff011f000102000000000005200000002002000000001400a90012000101000000000005" + "0b000000";
    /** O:BAG:SYD: : a DACL with no entry. */
    static final String EMPTY_DACL = "010004801400000024000000000000003000000001020000000000052000000020020000010100000000000512000000" + "0400080000000000";

    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    @Test
    void decodesEveryoneFullControl() {
        var d = SecurityDescriptors.decode(hex(EVERYONE_FULL), sid -> "");
        assertThat(d.ownerSid()).hasValue("S-1-5-32-544");
        assertThat(d.nullDacl()).isFalse();
        assertThat(d.dacl()).hasSize(1);
        assertThat(d.dacl().get(0).trusteeSid()).isEqualTo("S-1-1-0");
        assertThat(d.dacl().get(0).type()).isEqualTo(AceType.ALLOW);
        assertThat(d.dacl().get(0).accessMask()).isEqualTo(AccessRights.FULL_CONTROL);
        assertThat(d.dacl().get(0).rights()).containsExactly("FullControl");
    }

    @Test
    void decodesDomainSidsInheritanceFlagsGenericRightsAndDenyEntries() {
        var d = SecurityDescriptors.decode(hex(NTFS_DOMAIN_USERS_CHANGE),
                sid -> sid.endsWith("-513") ? "CH-TEST\\Domain Users" : "");
        assertThat(d.ownerSid()).hasValue("S-1-5-32-544");
        assertThat(d.dacl()).extracting(e -> e.trusteeSid()).containsExactly("S-1-5-32-544",
                "S-1-5-21-1000-2000-3000-513", "S-1-3-0", "S-1-5-32-546");
        var du = d.dacl().get(1);
        assertThat(du.trusteeName()).isEqualTo("CH-TEST\\Domain Users");
        assertThat(du.accessMask()).isEqualTo(AccessRights.CHANGE);
        assertThat(du.aceFlags()).isEqualTo(0x3);
        assertThat(d.dacl().get(2).accessMask()).isEqualTo(AccessRights.GENERIC_ALL);
        assertThat(d.dacl().get(2).aceFlags() & 0x8).isEqualTo(0x8);
        assertThat(d.dacl().get(3).type()).isEqualTo(AceType.DENY);
        assertThat(d.dacl().get(3).accessMask()).isEqualTo(AccessRights.FILE_WRITE_DATA);
    }

    @Test
    void anEmptyDaclIsNotANullDacl() {
        var d = SecurityDescriptors.decode(hex(EMPTY_DACL), sid -> "");
        assertThat(d.daclPresent()).isTrue();
        assertThat(d.nullDacl()).isFalse();
        assertThat(d.dacl()).isEmpty();
    }

    @Test
    void refusesBytesThatAreNotADescriptorOrAreTruncated() {
        assertThatThrownBy(() -> SecurityDescriptors.decode(new byte[] {2, 0, 0}, s -> ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a security descriptor");
        byte[] truncated = java.util.Arrays.copyOf(hex(RESTRICTED), 60);
        assertThatThrownBy(() -> SecurityDescriptors.decode(truncated, s -> ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("truncated");
    }
}
