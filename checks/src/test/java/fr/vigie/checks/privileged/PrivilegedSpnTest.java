package fr.vigie.checks.privileged;

import static fr.vigie.checks.testing.CheckHarness.evaluate;
import static fr.vigie.checks.testing.CheckHarness.names;
import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.checks.Evidence;
import fr.vigie.checks.testing.SnapshotFixture;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrivilegedSpnTest {
    private final PrivilegedSpn check = new PrivilegedSpn();

    @Test
    void flagsAPrivilegedUserWithAnSpnThroughANestedGroup() {
        var f = SnapshotFixture.domain();
        f.addMember("Domain Admins", f.group("SQL Admins"));
        f.addMember("SQL Admins", f.user("svc-sql").spns("MSSQLSvc/sql1.ch-test.local:1433", "MSSQLSvc/sql1").add().dn());
        List<Evidence> found = evaluate(check, f.build());
        assertThat(names(found)).containsExactly("svc-sql");
        assertThat(found.get(0).attributes())
                .containsEntry("servicePrincipalName", "MSSQLSvc/sql1.ch-test.local:1433, MSSQLSvc/sql1")
                .containsEntry("privilegedGroups", "Domain Admins");
    }

    @Test
    void ignoresPrivilegedUsersWithoutSpnUnprivilegedServiceAccountsAndComputers() {
        var f = SnapshotFixture.domain();
        f.addMember("Domain Admins", f.user("alice").add().dn());
        f.user("svc-web").spns("HTTP/intranet.ch-test.local").add();
        f.domainController("DC1").add();
        f.addMember("Domain Admins", f.user("old-svc").spns("HTTP/old").disabled().add().dn());
        assertThat(evaluate(check, f.build())).isEmpty();
    }
}
