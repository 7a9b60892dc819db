package fr.vigie.checks.privileged;

import static fr.vigie.checks.testing.CheckHarness.evaluate;
import static fr.vigie.checks.testing.CheckHarness.names;
import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.checks.Evidence;
import fr.vigie.checks.testing.SnapshotFixture;
import fr.vigie.snapshot.Sids;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdminCountOrphanTest {
    private final AdminCountOrphan check = new AdminCountOrphan();

    @Test
    void flagsAFormerAdminStillMarkedAdminCount() {
        var f = SnapshotFixture.domain();
        f.user("ex-admin").adminCount(1).add();
        List<Evidence> found = evaluate(check, f.build());
        assertThat(names(found)).containsExactly("ex-admin");
        assertThat(found.get(0).attributes()).containsEntry("adminCount", "1");
    }

    @Test
    void ignoresCurrentAdminsKrbtgtDisabledAndUnmarkedAccounts() {
        var f = SnapshotFixture.domain();
        f.addMember("Domain Admins", f.user("alice").adminCount(1).add().dn());
        f.user("krbtgt").rid(Sids.RID_KRBTGT).adminCount(1).add();
        f.user("gone").adminCount(1).disabled().add();
        f.user("clerk").add();
        f.computer("RODC1").adminCount(1).add();
        assertThat(evaluate(check, f.build())).isEmpty();
    }
}
