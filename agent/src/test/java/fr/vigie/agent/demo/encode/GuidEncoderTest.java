package fr.vigie.agent.demo.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class GuidEncoderTest {
    @Test
    void firstThreeFieldsAreLittleEndianTheLastEightBytesInOrder() {
        UUID g = UUID.fromString("01020304-0506-0708-090a-0b0c0d0e0f10");
        assertThat(HexFormat.of().formatHex(GuidEncoder.encode(g))).isEqualTo("04030201060508070" + "90a0b0c0d0e0f10");
    }

    @Test
    void decodeIsTheInverse() {
        UUID g = UUID.fromString("766ddcd8-acd0-445e-f3b9-a7f9b6744f2a");
        assertThat(GuidEncoder.decode(GuidEncoder.encode(g))).isEqualTo(g);
        assertThatThrownBy(() -> GuidEncoder.decode(new byte[15])).hasMessageContaining("16 bytes");
    }
}
