package fr.vigie.agent.demo.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.vigie.agent.demo.encode.ReplPropertyMetaDataEncoder.Stamp;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReplPropertyMetaDataEncoderTest {
    private static final UUID DC = UUID.fromString("6f1c3f64-9a8e-4d1b-b7a2-1c2d3e4f5a01");

    @Test
    void headerThenFortyEightBytesPerStamp() {
        Instant backup = Instant.parse("2025-10-12T22:15:07Z");
        byte[] v = ReplPropertyMetaDataEncoder.encode(List.of(
                new Stamp(ReplPropertyMetaDataEncoder.OBJECT_CLASS, 1, Instant.parse("2012-01-01T00:00:00Z"), DC, 4100,
                        4100),
                new Stamp(ReplPropertyMetaDataEncoder.DSA_SIGNATURE, 14, backup, DC, 150_014, 150_015)));
        assertThat(v).hasSize(16 + 2 * 48);
        ByteBuffer b = ByteBuffer.wrap(v).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(b.getInt(0)).as("version").isEqualTo(1);
        assertThat(b.getInt(4)).isZero();
        assertThat(b.getInt(8)).as("count").isEqualTo(2);
        assertThat(b.getInt(12)).isZero();
        int e = 16 + 48;
        assertThat(b.getInt(e)).isEqualTo(0x2004A);
        assertThat(b.getInt(e + 4)).isEqualTo(14);
        assertThat(b.getLong(e + 8)).as("DSTIME").isEqualTo(backup.getEpochSecond() + 11_644_473_600L);
        assertThat(GuidEncoder.decode(Arrays.copyOfRange(v, e + 16, e + 32))).isEqualTo(DC);
        assertThat(b.getLong(e + 32)).isEqualTo(150_014);
        assertThat(b.getLong(e + 40)).isEqualTo(150_015);
    }

    @Test
    void anEmptyVectorIsJustTheHeader() {
        assertThat(ReplPropertyMetaDataEncoder.encode(List.of())).containsExactly(1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                0, 0, 0, 0);
    }

    @Test
    void aStampStartsAtVersionOne() {
        assertThatThrownBy(() -> new Stamp(0, 0, Instant.EPOCH, DC, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
