package fr.vigie.checks.trusts;

import static fr.vigie.checks.testing.CheckHarness.evaluate;
import static fr.vigie.checks.testing.CheckHarness.names;
import static fr.vigie.checks.trusts.Trusts.trust;
import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.checks.Evidence;
import fr.vigie.checks.testing.SnapshotFixture;
import fr.vigie.snapshot.Trust;
import java.util.List;
import org.junit.jupiter.api.Test;

class SidFilteringDisabledTest {
    private final SidFilteringDisabled check = new SidFilteringDisabled();

    @Test
    void flagsAnOutboundExternalTrustWithoutQuarantine() {
        var f = SnapshotFixture.domain().trust(trust("ght-region.local", 3, 2, 0));
        List<Evidence> found = evaluate(check, f.build());
        assertThat(names(found)).containsExactly("ght-region.local");
        assertThat(found.get(0).object()).isEqualTo("CN=ght-region.local,CN=System,DC=ch-test,DC=local");
        assertThat(found.get(0).attributes())
                .containsEntry("trustAttributes", "0x0 ()")
                .containsEntry("trustDirection", "3 (bidirectional)")
                .containsEntry("trustType", "2 (uplevel: Active Directory)");
    }

    @Test
    void flagsAnOutboundOnlyNonTransitiveExternalTrust() {
        var f = SnapshotFixture.domain().trust(trust("labo.local", Trust.DIRECTION_OUTBOUND, 2, Trust.NON_TRANSITIVE));
        assertThat(evaluate(check, f.build()).get(0).attributes().get("trustAttributes"))
                .isEqualTo("0x1 (NON_TRANSITIVE)");
    }

    @Test
    void ignoresQuarantinedInboundIntraForestAndForestTrusts() {
        var f = SnapshotFixture.domain()
                .trust(trust("filtered.local", 3, 2, Trust.QUARANTINED_DOMAIN))
                .trust(trust("inbound.local", Trust.DIRECTION_INBOUND, 2, 0))
                .trust(trust("child.ch-test.local", 3, 2, Trust.WITHIN_FOREST))
                .trust(trust("partner-forest.local", 3, 2, Trust.FOREST_TRANSITIVE));
        assertThat(evaluate(check, f.build())).isEmpty();
    }
}
