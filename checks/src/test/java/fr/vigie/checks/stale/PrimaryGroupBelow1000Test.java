package fr.vigie.checks.stale;

import static fr.vigie.checks.testing.CheckHarness.evaluate;
import static fr.vigie.checks.testing.CheckHarness.names;
import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.checks.Evidence;
import fr.vigie.checks.testing.SnapshotFixture;
import fr.vigie.snapshot.Sids;
import fr.vigie.snapshot.Uac;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrimaryGroupBelow1000Test {
    private final PrimaryGroupBelow1000 check = new PrimaryGroupBelow1000();

    @Test
    void flagsAccountsWhosePrimaryGroupIsAPrivilegedBuiltInGroup() {
        var f = SnapshotFixture.domain();
        f.user("hidden-admin").primaryGroupId(Sids.RID_DOMAIN_ADMINS).add();
        f.user("hidden-dc").primaryGroupId(Sids.RID_DOMAIN_CONTROLLERS).add();
        f.computer("SRV-AS-DC").primaryGroupId(Sids.RID_DOMAIN_CONTROLLERS).add();
        f.user("edge-999").primaryGroupId(999).add();
        List<Evidence> found = evaluate(check, f.build());
        assertThat(names(found)).containsExactly("hidden-admin", "hidden-dc", "SRV-AS-DC$", "edge-999");
        assertThat(found.get(0).attributes()).containsEntry("primaryGroupID", "512 (Domain Admins)");
        assertThat(found.get(3).attributes()).containsEntry("primaryGroupID", "999");
    }

    @Test
    void ignoresDefaultsUnprivilegedDefaultGroupsAndCustomGroups() {
        var f = SnapshotFixture.domain();
        f.user("alice").add();
        f.user("as-guest").primaryGroupId(Sids.RID_DOMAIN_GUESTS).add();
        f.user("as-computer").primaryGroupId(Sids.RID_DOMAIN_COMPUTERS).add();
        f.computer("PC-AS-USER").primaryGroupId(Sids.RID_DOMAIN_USERS).add();
        f.user("edge-1000").primaryGroupId(1000).add();
        f.domainController("DC1").add();
        f.computer("RODC1").uac(Uac.WORKSTATION_TRUST_ACCOUNT | Uac.PARTIAL_SECRETS_ACCOUNT)
                .primaryGroupId(Sids.RID_READONLY_DOMAIN_CONTROLLERS).add();
        assertThat(evaluate(check, f.build())).isEmpty();
    }
}
