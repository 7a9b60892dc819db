package fr.vigie.checks.anomalies;

import static fr.vigie.checks.testing.CheckHarness.evaluate;
import static fr.vigie.checks.testing.CheckHarness.names;
import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.checks.testing.SnapshotFixture;
import fr.vigie.snapshot.Sids;
import org.junit.jupiter.api.Test;

class AnonymousPreWindows2000Test {
    private static final String GROUP = "Pre-Windows 2000 Compatible Access";
    private final AnonymousPreWindows2000 check = new AnonymousPreWindows2000();

    @Test
    void flagsAnonymousLogonThroughItsForeignPrincipal() {
        var f = SnapshotFixture.domain();
        String anonymous = f.foreignPrincipal(Sids.ANONYMOUS);
        f.addMember(GROUP, anonymous);
        var found = evaluate(check, f.build());
        assertThat(names(found)).containsExactly(GROUP);
        assertThat(found.get(0).attributes())
                .containsEntry("member", anonymous)
                .containsEntry("principal", "Anonymous Logon (S-1-5-7)");
    }

    @Test
    void flagsEveryoneByTheCnOfTheMemberDnWhenForeignPrincipalsWereNotCollected() {
        var f = SnapshotFixture.domain();
        f.addMember(GROUP, "CN=S-1-1-0,CN=ForeignSecurityPrincipals," + SnapshotFixture.DOMAIN_DN);
        var found = evaluate(check, f.build());
        assertThat(found).hasSize(1);
        assertThat(found.get(0).attributes().get("principal")).isEqualTo("Everyone (S-1-1-0)");
    }

    @Test
    void acceptsAuthenticatedUsersAndIgnoresAnonymousInOtherGroups() {
        var f = SnapshotFixture.domain();
        f.addMember(GROUP, f.foreignPrincipal(Sids.AUTHENTICATED_USERS));
        f.addMember("Domain Guests", f.foreignPrincipal(Sids.ANONYMOUS));
        var user = f.user("S-1-5-7x").add();
        f.addMember(GROUP, user.dn());
        assertThat(evaluate(check, f.build())).isEmpty();
    }

    @Test
    void cnParsing() {
        assertThat(AnonymousPreWindows2000.cnOf("CN=S-1-5-7,CN=ForeignSecurityPrincipals,DC=x")).isEqualTo("S-1-5-7");
        assertThat(AnonymousPreWindows2000.cnOf("cn=S-1-1-0")).isEqualTo("S-1-1-0");
        assertThat(AnonymousPreWindows2000.cnOf("OU=S-1-5-7,DC=x")).isEmpty();
    }
}
