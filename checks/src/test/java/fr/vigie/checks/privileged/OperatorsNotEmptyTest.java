package fr.vigie.checks.privileged;

import static fr.vigie.checks.testing.CheckHarness.evaluate;
import static fr.vigie.checks.testing.CheckHarness.names;
import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.checks.Evidence;
import fr.vigie.checks.testing.SnapshotFixture;
import java.util.List;
import org.junit.jupiter.api.Test;

class OperatorsNotEmptyTest {
    private final OperatorsNotEmpty check = new OperatorsNotEmpty();

    @Test
    void flagsMembersOfEachOperatorsGroupAndNamesTheGroup() {
        var f = SnapshotFixture.domain();
        f.addMember("Account Operators", f.user("helpdesk").add().dn());
        f.addMember("Server Operators", f.group("Server Team"));
        f.addMember("Server Team", f.user("tech").add().dn());
        f.addMember("Print Operators", f.user("printer-admin").disabled().add().dn());
        f.addMember("Backup Operators", f.computer("SRV-BACKUP").add().dn());
        List<Evidence> found = evaluate(check, f.build());
        assertThat(names(found)).containsExactly("helpdesk", "tech", "printer-admin", "SRV-BACKUP$");
        assertThat(found).extracting(e -> e.attributes().get("group"))
                .containsExactly("Account Operators", "Server Operators", "Print Operators", "Backup Operators");
        assertThat(found.get(3).attributes()).containsEntry("memberType", "computer");
    }

    @Test
    void passesWhenOperatorsGroupsAreEmptyEvenWithOtherAdmins() {
        var f = SnapshotFixture.domain();
        f.addMember("Domain Admins", f.user("alice").add().dn());
        f.addMember("Replicator", f.user("repl").add().dn());
        f.addMember("Backup Operators", f.group("Nobody"));
        assertThat(evaluate(check, f.build())).isEmpty();
    }
}
