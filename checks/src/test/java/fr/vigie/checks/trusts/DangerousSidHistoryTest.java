package fr.vigie.checks.trusts;

import static fr.vigie.checks.testing.CheckHarness.evaluate;
import static fr.vigie.checks.testing.CheckHarness.names;
import static fr.vigie.checks.testing.SnapshotFixture.DOMAIN_SID;
import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.checks.testing.SnapshotFixture;
import fr.vigie.snapshot.Sids;
import org.junit.jupiter.api.Test;

class DangerousSidHistoryTest {
    private final DangerousSidHistory check = new DangerousSidHistory();
    private static final String OTHER = "S-1-5-21-7-8-9";

    @Test
    void flagsABuiltinSidAndSaysWhy() {
        var f = SnapshotFixture.domain();
        f.user("backdoor").sidHistory(OTHER + "-1500", Sids.ADMINISTRATORS).add();
        var found = evaluate(check, f.build());
        assertThat(names(found)).containsExactly("backdoor");
        assertThat(found.get(0).attributes())
                .containsEntry("dangerous sIDHistory", "S-1-5-32-544 (well-known or builtin SID)")
                .containsEntry("sIDHistory", OTHER + "-1500, S-1-5-32-544");
    }

    @Test
    void ridEdgeOfAnotherDomain999IsDangerousAnd1000IsNot() {
        var f = SnapshotFixture.domain();
        f.user("a999").sidHistory(OTHER + "-999").add();
        f.user("a1000").sidHistory(OTHER + "-1000").add();
        f.user("a512").sidHistory(OTHER + "-512").add();
        var found = evaluate(check, f.build());
        assertThat(names(found)).containsExactly("a999", "a512");
        assertThat(found.get(1).attributes().get("dangerous sIDHistory")).isEqualTo(OTHER + "-512 (built-in RID 512)");
    }

    @Test
    void flagsDnsAdminsAndAPrivilegedAccountOfThisDomainThoughTheirRidIsAbove1000() {
        var f = SnapshotFixture.domain();
        var admin = f.user("adm-x").add();
        f.addMember("Domain Admins", admin.dn());
        String dnsAdminsSid = f.build().groups().stream().filter(g -> g.samAccountName().equals("DnsAdmins"))
                .findFirst().orElseThrow().sid();
        f.user("u1").sidHistory(dnsAdminsSid).add();
        f.user("u2").sidHistory(admin.sid()).add();
        var found = evaluate(check, f.build());
        assertThat(names(found)).containsExactly("u1", "u2");
        assertThat(found.get(0).attributes().get("dangerous sIDHistory")).endsWith("(privileged group DnsAdmins)");
        assertThat(found.get(1).attributes().get("dangerous sIDHistory")).endsWith("(privileged account adm-x)");
    }

    @Test
    void flagsAnyOtherSidOfThisSameDomain() {
        var f = SnapshotFixture.domain();
        f.user("u1").sidHistory(Sids.of(DOMAIN_SID, 4242)).add();
        var found = evaluate(check, f.build());
        assertThat(found.get(0).attributes().get("dangerous sIDHistory")).endsWith("(SID of this same domain)");
    }

    @Test
    void ignoresOrdinarySidsOfAnotherDomain() {
        var f = SnapshotFixture.domain();
        f.user("migrated").sidHistory(OTHER + "-1104", OTHER + "-20000").add();
        f.user("plain").add();
        assertThat(evaluate(check, f.build())).isEmpty();
    }
}
