package fr.vigie.checks.trusts;

import static fr.vigie.checks.testing.CheckHarness.evaluate;
import static fr.vigie.checks.testing.CheckHarness.names;
import static fr.vigie.checks.trusts.Trusts.trust;
import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.checks.testing.SnapshotFixture;
import fr.vigie.snapshot.Trust;
import org.junit.jupiter.api.Test;

class TrustTgtDelegationTest {
    private final TrustTgtDelegation check = new TrustTgtDelegation();

    @Test
    void flagsATrustWithTgtDelegationEnabledInEitherDirection() {
        var f = SnapshotFixture.domain()
                .trust(trust("partner.local", Trust.DIRECTION_INBOUND, 2,
                        Trust.FOREST_TRANSITIVE | Trust.CROSS_ORGANIZATION_ENABLE_TGT_DELEGATION));
        var found = evaluate(check, f.build());
        assertThat(names(found)).containsExactly("partner.local");
        assertThat(found.get(0).attributes().get("trustAttributes"))
                .isEqualTo("0x808 (FOREST_TRANSITIVE|CROSS_ORGANIZATION_ENABLE_TGT_DELEGATION)");
    }

    @Test
    void ignoresTrustsWithoutTheFlagOrWithNoTgtDelegation() {
        var f = SnapshotFixture.domain()
                .trust(trust("a.local", 3, 2, Trust.FOREST_TRANSITIVE))
                .trust(trust("b.local", 3, 2, Trust.FOREST_TRANSITIVE | Trust.CROSS_ORGANIZATION_NO_TGT_DELEGATION));
        assertThat(evaluate(check, f.build())).isEmpty();
    }
}
