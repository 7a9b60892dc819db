package fr.vigie.checks.kerberos;

import static fr.vigie.checks.testing.CheckHarness.evaluate;
import static fr.vigie.checks.testing.CheckHarness.names;
import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.checks.testing.SnapshotFixture;
import fr.vigie.snapshot.Sids;
import org.junit.jupiter.api.Test;

class KerberoastableUserTest {
    private final KerberoastableUser check = new KerberoastableUser();

    @Test
    void flagsAnEnabledUserWithAnSpn() {
        var f = SnapshotFixture.domain();
        f.user("svc-pacs").spns("MSSQLSvc/pacs.ch-test.local:1433").add();
        var found = evaluate(check, f.build());
        assertThat(names(found)).containsExactly("svc-pacs");
        assertThat(found.get(0).attributes()).containsEntry("servicePrincipalName", "MSSQLSvc/pacs.ch-test.local:1433");
    }

    @Test
    void ignoresComputersDisabledUsersAndKrbtgt() {
        var f = SnapshotFixture.domain();
        f.computer("SRV").spns("HOST/srv.ch-test.local").add();
        f.user("old-svc").spns("HTTP/old").disabled().add();
        f.user("krbtgt").rid(Sids.RID_KRBTGT).spns("kadmin/changepw").disabled().add();
        f.user("alice").add();
        assertThat(evaluate(check, f.build())).isEmpty();
    }
}
