package fr.vigie.checks.privileged;

import static fr.vigie.checks.testing.CheckHarness.evaluate;
import static fr.vigie.checks.testing.CheckHarness.names;
import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.checks.Evidence;
import fr.vigie.checks.testing.SnapshotFixture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrivilegedGroupSprawlTest {
    private final PrivilegedGroupSprawl check = new PrivilegedGroupSprawl();

    private static SnapshotFixture withAdmins(int count) {
        var f = SnapshotFixture.domain();
        for (int i = 0; i < count; i++) {
            f.addMember("Domain Admins", f.user("admin" + i).add().dn());
        }
        return f;
    }

    @Test
    void passesWithExactlyTheThresholdOfPrivilegedUsers() {
        assertThat(evaluate(check, withAdmins(10).build())).isEmpty();
    }

    @Test
    void failsOneAboveTheThresholdAndListsEveryMemberWithTheCount() {
        List<Evidence> found = evaluate(check, withAdmins(11).build());
        assertThat(found).hasSize(12);
        assertThat(found.get(0).object()).isEqualTo(SnapshotFixture.DOMAIN_DN);
        assertThat(found.get(0).attributes())
                .containsEntry("enabledPrivilegedAccounts", "11")
                .containsEntry("maxPrivilegedUsers", "10");
        assertThat(names(found.subList(1, 12))).contains("admin0", "admin10");
        assertThat(found.get(1).attributes().get("privilegedGroups")).isEqualTo("Domain Admins");
    }

    @Test
    void countsNestedMembersButNotDisabledAccountsNorDomainControllers() {
        var f = SnapshotFixture.domain();
        f.addMember("Administrators", f.group("IT Admins"));
        f.addMember("IT Admins", f.user("nested").add().dn());
        f.addMember("Domain Admins", f.user("direct").add().dn());
        f.addMember("Domain Admins", f.user("gone").disabled().add().dn());
        f.domainController("DC1").add();
        List<Evidence> found = evaluate(check, f.build(), Map.of("maxPrivilegedUsers", 1L));
        assertThat(found.get(0).attributes()).containsEntry("enabledPrivilegedAccounts", "2");
        assertThat(names(found.subList(1, found.size()))).containsExactlyInAnyOrder("nested", "direct");
    }
}
