package fr.vigie.agent.collect.ldap.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SecurityDescriptorTest {
    private static final String DOMAIN = "S-1-5-21-2264284450-3238485134-1780372321";

    @Test
    void readsTheRbcdDescriptorSambaBuildsFromSddl() throws IOException {
        // O:BAD:(A;;<full>;;;DOMAIN-1105)(D;;CC;;;S-1-1-0)(A;;<full>;;;DOMAIN-1106), packed by samba.ndr
        SecurityDescriptor sd = SecurityDescriptor.parse(SidTest.resource("/collect/samba/rbcd-sd.bin"));

        assertThat(sd.owner()).contains("S-1-5-32-544");
        assertThat(sd.group()).isEmpty();
        assertThat(sd.daclPresent()).isTrue();
        assertThat(sd.dacl()).hasSize(3);
        assertThat(sd.dacl().get(0).type()).isEqualTo(SecurityDescriptor.ACCESS_ALLOWED_ACE_TYPE);
        assertThat(sd.dacl().get(0).mask()).isEqualTo(0xF01FFL);
        assertThat(sd.dacl().get(1).type()).isEqualTo(SecurityDescriptor.ACCESS_DENIED_ACE_TYPE);
        assertThat(sd.dacl().get(1).sid()).contains("S-1-1-0");
        assertThat(sd.allowedSids()).containsExactly(DOMAIN + "-1105", DOMAIN + "-1106");
    }

    @Test
    void objectAcesAreReadWithTheirGuidAndInheritOnlyAcesAreNotAllowedOnTheObject() {
        String guid = "bf967aba-0de6-11d0-a285-00aa003049e2";
        byte[] objectAce = ace(SecurityDescriptor.ACCESS_ALLOWED_OBJECT_ACE_TYPE, 0,
                concat(le32(0x100), le32(1), Guid.toBytes(guid), Sid.toBytes(DOMAIN + "-1200")));
        byte[] inheritOnly = ace(SecurityDescriptor.ACCESS_ALLOWED_ACE_TYPE, SecurityDescriptor.INHERIT_ONLY_ACE,
                concat(le32(0xF01FF), Sid.toBytes(DOMAIN + "-1300")));
        byte[] sd = descriptor(acl(objectAce, inheritOnly));

        SecurityDescriptor parsed = SecurityDescriptor.parse(sd);

        assertThat(parsed.dacl()).hasSize(2);
        assertThat(parsed.dacl().get(0).objectType()).contains(guid);
        assertThat(parsed.dacl().get(0).sid()).contains(DOMAIN + "-1200");
        assertThat(parsed.allowedSids()).containsExactly(DOMAIN + "-1200");
    }

    @Test
    void aDescriptorWithoutDaclAllowsNobodyByName() {
        byte[] sd = HexFormat.of().parseHex("01000080" + "00000000" + "00000000" + "00000000" + "00000000");
        SecurityDescriptor parsed = SecurityDescriptor.parse(sd);
        assertThat(parsed.daclPresent()).isFalse();
        assertThat(parsed.allowedSids()).isEmpty();
    }

    @Test
    void rejectsTruncatedOrAbsoluteDescriptors() throws IOException {
        byte[] real = SidTest.resource("/collect/samba/rbcd-sd.bin");
        assertThatThrownBy(() -> SecurityDescriptor.parse(Arrays.copyOf(real, real.length - 10)))
                .isInstanceOf(MalformedValueException.class);
        byte[] absolute = real.clone();
        absolute[3] = 0; // clear SE_SELF_RELATIVE
        assertThatThrownBy(() -> SecurityDescriptor.parse(absolute)).isInstanceOf(MalformedValueException.class)
                .hasMessageContaining("self-relative");
        byte[] badAceSize = descriptor(acl(ace(0, 0, concat(le32(1), Sid.toBytes("S-1-1-0")))));
        badAceSize[20 + 8 + 2] = (byte) 0xFF; // first ACE claims 255 bytes
        assertThatThrownBy(() -> SecurityDescriptor.parse(badAceSize)).isInstanceOf(MalformedValueException.class)
                .hasMessageContaining("ACE 0");
        assertThatThrownBy(() -> SecurityDescriptor.parse(new byte[3])).isInstanceOf(MalformedValueException.class);
    }

    static byte[] descriptor(byte[] acl) {
        // header (20 bytes) then the DACL; no owner, no group
        return concat(new byte[] {1, 0, 0x04, (byte) 0x80}, le32(0), le32(0), le32(0), le32(20), acl);
    }

    static byte[] acl(byte[]... aces) {
        byte[] body = concat(aces);
        int size = 8 + body.length;
        return concat(new byte[] {2, 0, (byte) size, (byte) (size >> 8), (byte) aces.length, 0, 0, 0}, body);
    }

    static byte[] ace(int type, int flags, byte[] body) {
        int size = 4 + body.length;
        return concat(new byte[] {(byte) type, (byte) flags, (byte) size, (byte) (size >> 8)}, body);
    }

    static byte[] le32(long v) {
        return new byte[] {(byte) v, (byte) (v >> 8), (byte) (v >> 16), (byte) (v >> 24)};
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int o = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, o, p.length);
            o += p.length;
        }
        return out;
    }
}
