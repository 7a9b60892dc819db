package fr.vigie.agent.collect.ldap.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.vigie.snapshot.ReplAttributeMetadata;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplPropertyMetaDataTest {
    @Test
    void decodesTheDomainHeadMetadataOfASambaDc() throws IOException {
        // ldbsearch of DC=example,DC=test right after provisioning; ndrdump printed the values asserted here
        List<ReplAttributeMetadata> entries = ReplPropertyMetaData.parse(
                SidTest.resource("/collect/samba/domain-head-replPropertyMetaData.bin"));

        assertThat(entries).hasSize(36);
        ReplAttributeMetadata objectClass = entries.get(0);
        assertThat(objectClass.attributeId()).isZero();
        assertThat(objectClass.version()).isEqualTo(1);
        assertThat(objectClass.originatingChangeTime()).isEqualTo(Instant.parse("2026-11-28T21:03:44Z"));
        assertThat(objectClass.originatingInvocationId()).isEqualTo("05688bb4-f5b3-4173-ac24-c7716bcf7326");
        assertThat(objectClass.originatingUsn()).isEqualTo(10);
        assertThat(objectClass.localUsn()).isEqualTo(10);
        assertThat(entries.get(1).attributeId()).isEqualTo(0x20001); // instanceType
        assertThat(entries).extracting(ReplAttributeMetadata::attributeId).contains(0x20119, 0x150019);
        ReplAttributeMetadata late = entries.stream().filter(e -> e.attributeId() == 0x90171).findFirst().orElseThrow();
        assertThat(late.originatingUsn()).isEqualTo(3905);
        assertThat(late.originatingChangeTime()).isEqualTo(Instant.parse("2026-11-28T21:03:48Z"));
    }

    @Test
    void roundTripsThroughEncode() {
        List<ReplAttributeMetadata> in = List.of(
                new ReplAttributeMetadata(ReplAttributeMetadata.DSA_SIGNATURE, 7, Instant.parse("2024-03-01T02:00:00Z"),
                        "6d5fbd3c-62b8-4c6f-9c3a-1f0a5e1b2c3d", 123456789012L, 42),
                new ReplAttributeMetadata(0x90092, 1, Instant.parse("2019-05-05T05:05:05Z"),
                        "00000000-0000-0000-0000-000000000001", 1, 1));
        assertThat(ReplPropertyMetaData.parse(ReplPropertyMetaData.encode(in))).isEqualTo(in);
    }

    @Test
    void rejectsAnotherVersionAndATruncatedVector() throws IOException {
        byte[] blob = SidTest.resource("/collect/samba/domain-head-replPropertyMetaData.bin");
        byte[] v2 = blob.clone();
        v2[0] = 2;
        assertThatThrownBy(() -> ReplPropertyMetaData.parse(v2)).isInstanceOf(MalformedValueException.class)
                .hasMessageContaining("version 2");
        byte[] cut = Arrays.copyOf(blob, blob.length - 1);
        assertThatThrownBy(() -> ReplPropertyMetaData.parse(cut)).isInstanceOf(MalformedValueException.class)
                .hasMessageContaining("36 entries need 1744 bytes");
        assertThatThrownBy(() -> ReplPropertyMetaData.parse(new byte[6])).isInstanceOf(MalformedValueException.class);
    }

    @Test
    void anEmptyVectorHasNoEntries() {
        assertThat(ReplPropertyMetaData.parse(new byte[] {1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0})).isEmpty();
    }
}
