package fr.vigie.agent.demo.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecurityDescriptorEncoderTest {
    private static final String TRUSTEE = "S-1-5-21-1781492830-3216582364-2918472652-1190";

    @Test
    void delegationDescriptorHasTheSelfRelativeLayout() {
        byte[] sd = SecurityDescriptorEncoder.resourceBasedDelegation(TRUSTEE);
        ByteBuffer b = ByteBuffer.wrap(sd).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(b.get(0)).isEqualTo((byte) 1);
        assertThat(b.getShort(2) & 0xFFFF).isEqualTo(0x8004);
        int owner = b.getInt(4);
        assertThat(b.getInt(8)).as("no group").isZero();
        assertThat(b.getInt(12)).as("no SACL").isZero();
        int dacl = b.getInt(16);
        assertThat(SidEncoder.decode(Arrays.copyOfRange(sd, owner, owner + 16))).isEqualTo("S-1-5-32-544");
        assertThat(b.get(dacl)).as("ACL revision").isEqualTo((byte) 2);
        assertThat(b.getShort(dacl + 2) & 0xFFFF).as("AclSize").isEqualTo(sd.length - dacl);
        assertThat(b.getShort(dacl + 4)).as("AceCount").isEqualTo((short) 1);
        int ace = dacl + 8;
        assertThat(b.get(ace)).as("ACCESS_ALLOWED").isZero();
        int aceSize = b.getShort(ace + 2) & 0xFFFF;
        assertThat(b.getInt(ace + 4)).isEqualTo(0x000F01FF);
        assertThat(SidEncoder.decode(Arrays.copyOfRange(sd, ace + 8, ace + aceSize))).isEqualTo(TRUSTEE);
        assertThat(ace + aceSize).isEqualTo(sd.length);
    }

    @Test
    void severalTrusteesGiveSeveralAcesInOrder() {
        byte[] sd = SecurityDescriptorEncoder.selfRelative("S-1-5-18", List.of(
                new SecurityDescriptorEncoder.Ace(0, 0, 0x10, "S-1-5-11"),
                new SecurityDescriptorEncoder.Ace(1, 2, 0x20, "S-1-1-0")));
        ByteBuffer b = ByteBuffer.wrap(sd).order(ByteOrder.LITTLE_ENDIAN);
        int dacl = b.getInt(16);
        assertThat(b.getShort(dacl + 4)).isEqualTo((short) 2);
        int second = dacl + 8 + (b.getShort(dacl + 8 + 2) & 0xFFFF);
        assertThat(b.get(second)).isEqualTo((byte) 1);
        assertThat(b.get(second + 1)).isEqualTo((byte) 2);
        assertThat(b.getInt(second + 4)).isEqualTo(0x20);
        assertThat(SidEncoder.decode(Arrays.copyOfRange(sd, second + 8, sd.length))).isEqualTo("S-1-1-0");
    }

    @Test
    void aDescriptorWithoutTrusteeIsRefused() {
        assertThatThrownBy(SecurityDescriptorEncoder::resourceBasedDelegation)
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one trustee");
    }
}
