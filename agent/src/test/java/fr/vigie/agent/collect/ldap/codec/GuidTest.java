package fr.vigie.agent.collect.ldap.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class GuidTest {
    @Test
    void readsTheMixedEndianLayoutOfAd() {
        // bytes of Samba's invocation id 05688bb4-f5b3-4173-ac24-c7716bcf7326 as found in replPropertyMetaData
        byte[] b = HexFormat.of().parseHex("b48b6805b3f57341ac24c7716bcf7326");
        assertThat(Guid.read(b, 0)).isEqualTo("05688bb4-f5b3-4173-ac24-c7716bcf7326");
        assertThat(Guid.toBytes("05688bb4-f5b3-4173-ac24-c7716bcf7326")).isEqualTo(b);
    }

    @Test
    void rejectsShortInput() {
        assertThatThrownBy(() -> Guid.read(new byte[15], 0)).isInstanceOf(MalformedValueException.class);
        assertThatThrownBy(() -> Guid.toBytes("1234")).isInstanceOf(IllegalArgumentException.class);
    }
}
