package fr.vigie.agent.demo.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SidEncoderTest {
    private static byte[] hex(String h) {
        return HexFormat.of().parseHex(h.replace(" ", ""));
    }

    @Test
    void builtinAdministratorsEncodesAsInMsDtyp() {
        assertThat(SidEncoder.encode("S-1-5-32-544")).isEqualTo(hex("01 02 000000000005 20000000 20020000"));
    }

    @Test
    void domainSidWithRidEncodesSubAuthoritiesLittleEndian() {
        byte[] b = SidEncoder.encode("S-1-5-21-1004336348-1177238915-682003330-512");
        // 1004336348 = 0x3BDCF4DC, 1177238915 = 0x462B3D83, 682003330 = 0x28A68B82, 512 = 0x200
        assertThat(b).isEqualTo(hex("01 05 000000000005 15000000 DCF4DC3B 833D2B46 828BA628 00020000"));
    }

    @Test
    void wellKnownSidsWithOtherAuthorities() {
        assertThat(SidEncoder.encode("S-1-1-0")).isEqualTo(hex("01 01 000000000001 00000000"));
        assertThat(SidEncoder.encode("S-1-5-7")).isEqualTo(hex("01 01 000000000005 07000000"));
    }

    @Test
    void decodeIsTheInverseOfEncode() {
        for (String sid : new String[] {"S-1-5-32-554", "S-1-5-21-4294967295-1-0-4294967295", "S-1-5-11",
            "S-1-16-12288"}) {
            assertThat(SidEncoder.decode(SidEncoder.encode(sid))).isEqualTo(sid);
        }
    }

    @Test
    void malformedTextIsRefusedWithTheReason() {
        assertThatThrownBy(() -> SidEncoder.encode("S-2-5-32")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a SID");
        assertThatThrownBy(() -> SidEncoder.encode("S-1-5")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SidEncoder.encode("S-1-5-21-4294967296")).hasMessageContaining("32 bits");
        assertThatThrownBy(() -> SidEncoder.encode("S-1-5-21-x")).hasMessageContaining("'x'");
        assertThatThrownBy(() -> SidEncoder.encode("S-1-5" + "-1".repeat(16))).hasMessageContaining("at most 15");
    }

    @Test
    void decodeRefusesTruncatedValues() {
        byte[] b = SidEncoder.encode("S-1-5-32-544");
        assertThatThrownBy(() -> SidEncoder.decode(java.util.Arrays.copyOf(b, b.length - 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sub-authorities");
    }
}
