package fr.vigie.agent.collect.ldap.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SidTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void decodesADomainSidCapturedFromSamba() throws IOException {
        byte[] bin = resource("/collect/samba/domain-sid.bin");
        assertThat(Sid.toString(bin)).isEqualTo("S-1-5-21-2264284450-3238485134-1780372321");
    }

    @Test
    void decodesAUserSidWithSubAuthoritiesAboveTwoToThe31() {
        // S-1-5-21-3623811015-3361044348-30300820-1013 (Microsoft's MS-DTYP example)
        byte[] bin = HEX.parseHex("010500000000000515000000c7f7fed77c7755c8945ace01f5030000");
        assertThat(Sid.toString(bin)).isEqualTo("S-1-5-21-3623811015-3361044348-30300820-1013");
    }

    @Test
    void decodesWellKnownSidsWithFewSubAuthorities() {
        assertThat(Sid.toString(HEX.parseHex("010100000000000100000000"))).isEqualTo("S-1-1-0");
        assertThat(Sid.toString(HEX.parseHex("01020000000000052000000020020000"))).isEqualTo("S-1-5-32-544");
        assertThat(Sid.toString(HEX.parseHex("010000000000000500000000".substring(0, 16)))).isEqualTo("S-1-5");
    }

    @Test
    void writesAnAuthorityAbove32BitsInHex() {
        byte[] bin = HEX.parseHex("0101ffffffffffff01000000");
        assertThat(Sid.toString(bin)).isEqualTo("S-1-0xFFFFFFFFFFFF-1");
    }

    @Test
    void roundTripsThroughTheBinaryForm() {
        String sid = "S-1-5-21-1004336348-1177238915-682003330-512";
        assertThat(Sid.toString(Sid.toBytes(sid))).isEqualTo(sid);
        assertThat(Sid.toBytes("S-1-5-21-2264284450-3238485134-1780372321"))
                .isEqualTo(HEX.parseHex("010400000000000515000000223df6868e5c07c161531e6a"));
    }

    @Test
    void rejectsATruncatedSid() {
        byte[] bin = HEX.parseHex("010500000000000515000000c7f7fed77c7755c8945ace01f503");
        assertThatThrownBy(() -> Sid.toString(bin)).isInstanceOf(MalformedValueException.class)
                .hasMessageContaining("SID");
    }

    @Test
    void rejectsTrailingBytesAWrongRevisionAndTooManySubAuthorities() {
        assertThatThrownBy(() -> Sid.toString(HEX.parseHex("01010000000000010000000000")))
                .isInstanceOf(MalformedValueException.class).hasMessageContaining("13 bytes");
        assertThatThrownBy(() -> Sid.toString(HEX.parseHex("020100000000000100000000")))
                .isInstanceOf(MalformedValueException.class).hasMessageContaining("revision 2");
        assertThatThrownBy(() -> Sid.length(HEX.parseHex("011000000000000100000000"), 0))
                .isInstanceOf(MalformedValueException.class).hasMessageContaining("16 sub-authorities");
        assertThatThrownBy(() -> Sid.toString(new byte[0])).isInstanceOf(MalformedValueException.class);
    }

    @Test
    void rejectsMalformedSidStrings() {
        assertThatThrownBy(() -> Sid.toBytes("S-2-5")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Sid.toBytes("S-1-5-x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Sid.toBytes("S-1-5-4294967296")).isInstanceOf(IllegalArgumentException.class);
    }

    static byte[] resource(String path) throws IOException {
        try (InputStream in = SidTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return in.readAllBytes();
        }
    }
}
