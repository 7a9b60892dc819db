package fr.vigie.agent.demo.encode;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.agent.collect.ldap.codec.AdTime;
import fr.vigie.agent.collect.ldap.codec.Guid;
import fr.vigie.agent.collect.ldap.codec.ReplPropertyMetaData;
import fr.vigie.agent.collect.ldap.codec.SecurityDescriptor;
import fr.vigie.agent.collect.ldap.codec.Sid;
import fr.vigie.agent.demo.encode.ReplPropertyMetaDataEncoder.Stamp;
import fr.vigie.snapshot.ReplAttributeMetadata;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What the demo writes, the collector's decoders (written independently, checked against Samba) read back. */
class CollectorCodecInteropTest {
    @Test
    void sids() {
        for (String sid : List.of("S-1-5-32-544", "S-1-5-7", "S-1-5-21-1781492830-3216582364-2918472652-512")) {
            assertThat(Sid.toString(SidEncoder.encode(sid))).isEqualTo(sid);
        }
    }

    @Test
    void timesAndGuids() {
        Instant t = Instant.parse("2025-03-04T05:06:07Z");
        assertThat(AdTime.fromFileTime(AdTimes.fileTime(t))).contains(t);
        assertThat(AdTime.fromGeneralizedTime(AdTimes.generalizedTime(t))).isEqualTo(t);
        assertThat(AdTime.negativeIntervalToDays(AdTimes.negativeInterval(Duration.ofDays(180)))).isEqualTo(180);
        UUID g = UUID.fromString("6f1c3f64-9a8e-4d1b-b7a2-1c2d3e4f5a01");
        assertThat(Guid.read(GuidEncoder.encode(g), 0)).isEqualToIgnoringCase(g.toString());
    }

    @Test
    void replicationMetadata() {
        UUID dc = UUID.fromString("6f1c3f64-9a8e-4d1b-b7a2-1c2d3e4f5a01");
        Instant backup = Instant.parse("2026-11-16T22:00:00Z");
        List<ReplAttributeMetadata> read = ReplPropertyMetaData.parse(ReplPropertyMetaDataEncoder.encode(List.of(
                new Stamp(ReplPropertyMetaDataEncoder.WHEN_CREATED, 1, Instant.parse("2012-01-01T00:00:00Z"), dc, 4100,
                        4100),
                new Stamp(ReplPropertyMetaDataEncoder.DSA_SIGNATURE, 30, backup, dc, 150_030, 150_031))));
        assertThat(read).hasSize(2);
        ReplAttributeMetadata dsa = read.get(1);
        assertThat(dsa.attributeId()).isEqualTo(ReplAttributeMetadata.DSA_SIGNATURE);
        assertThat(dsa.version()).isEqualTo(30);
        assertThat(dsa.originatingChangeTime()).isEqualTo(backup);
        assertThat(dsa.originatingInvocationId()).isEqualToIgnoringCase(dc.toString());
        assertThat(dsa.originatingUsn()).isEqualTo(150_030);
        assertThat(dsa.localUsn()).isEqualTo(150_031);
    }

    @Test
    void resourceBasedDelegationDescriptor() {
        String trustee = "S-1-5-21-1781492830-3216582364-2918472652-1190";
        SecurityDescriptor sd = SecurityDescriptor.parse(SecurityDescriptorEncoder.resourceBasedDelegation(trustee));
        assertThat(sd.owner()).contains("S-1-5-32-544");
        assertThat(sd.daclPresent()).isTrue();
        assertThat(sd.allowedSids()).containsExactly(trustee);
        assertThat(sd.dacl().get(0).mask()).isEqualTo(0x000F01FFL);
    }
}
