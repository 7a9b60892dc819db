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

class ForestTrustSidHistoryTest {
    private final ForestTrustSidHistory check = new ForestTrustSidHistory();

    @Test
    void flagsAnOutboundForestTrustTreatedAsExternal() {
        var f = SnapshotFixture.domain()
                .trust(trust("old-forest.local", 3, 2, Trust.FOREST_TRANSITIVE | Trust.TREAT_AS_EXTERNAL));
        List<Evidence> found = evaluate(check, f.build());
        assertThat(names(found)).containsExactly("old-forest.local");
        assertThat(found.get(0).attributes().get("trustAttributes"))
                .isEqualTo("0x48 (FOREST_TRANSITIVE|TREAT_AS_EXTERNAL)");
    }

    @Test
    void ignoresAForestTrustWithoutSidHistoryAndAnInboundOne() {
        var f = SnapshotFixture.domain()
                .trust(trust("partner.local", 3, 2, Trust.FOREST_TRANSITIVE))
                .trust(trust("inbound.local", Trust.DIRECTION_INBOUND, 2,
                        Trust.FOREST_TRANSITIVE | Trust.TREAT_AS_EXTERNAL));
        assertThat(evaluate(check, f.build())).isEmpty();
    }

    @Test
    void ignoresTreatAsExternalOnANonForestTrust() {
        var f = SnapshotFixture.domain().trust(trust("ext.local", 3, 2, Trust.TREAT_AS_EXTERNAL));
        assertThat(evaluate(check, f.build())).isEmpty();
    }
}
