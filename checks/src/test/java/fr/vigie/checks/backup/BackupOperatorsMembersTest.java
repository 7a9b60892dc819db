package fr.vigie.checks.backup;

import static fr.vigie.checks.testing.CheckHarness.evaluate;
import static fr.vigie.checks.testing.CheckHarness.names;
import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.checks.Evidence;
import fr.vigie.checks.testing.SnapshotFixture;
import fr.vigie.snapshot.Sids;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackupOperatorsMembersTest {
    private final BackupOperatorsMembers check = new BackupOperatorsMembers();

    @Test
    void flagsEnabledDirectNestedAndPrimaryGroupMembersOfBothGroups() {
        var f = SnapshotFixture.domain();
        f.addMember("Backup Operators", f.user("svc-veeam").lastLogon(SnapshotFixture.daysAgo(3)).add().dn());
        f.addMember("Backup Operators", f.group("Equipe Sauvegarde"));
        f.addMember("Equipe Sauvegarde", f.user("tech-svg").lastLogon(null).add().dn());
        f.user("weird").primaryGroupId(551).add(); // primaryGroupID is a domain RID: 551 is no builtin group
        f.addMember("Server Operators", f.computer("SRV-APP").add().dn());
        List<Evidence> found = evaluate(check, f.build());
        assertThat(names(found)).containsExactly("svc-veeam", "tech-svg", "SRV-APP$");
        assertThat(found).extracting(e -> e.attributes().get("group"))
                .containsExactly("Backup Operators", "Backup Operators", "Server Operators");
        assertThat(found.get(0).attributes()).containsEntry("memberType", "user")
                .containsEntry("lastLogonTimestamp", "2026-05-29T00:00:00Z")
                .containsEntry("pwdLastSet", "2026-05-02T00:00:00Z");
        assertThat(found.get(1).attributes()).containsEntry("lastLogonTimestamp", "never");
        assertThat(found.get(2).attributes()).containsEntry("memberType", "computer");
    }

    @Test
    void flagsAuthenticatedUsersNestedInBackupOperators() {
        var f = SnapshotFixture.domain();
        f.addMember("Backup Operators", f.group("Legacy"));
        f.addMember("Legacy", f.foreignPrincipal(Sids.AUTHENTICATED_USERS));
        List<Evidence> found = evaluate(check, f.build());
        assertThat(names(found)).containsExactly("Authenticated Users");
        assertThat(found.get(0).attributes()).containsEntry("memberType", "foreign security principal")
                .containsEntry("sid", "S-1-5-11").containsEntry("group", "Backup Operators");
    }

    @Test
    void ignoresDisabledMembersAndOtherOperatorGroups() {
        var f = SnapshotFixture.domain();
        f.addMember("Backup Operators", f.user("old-backup").disabled().add().dn());
        f.addMember("Account Operators", f.user("helpdesk").add().dn());
        f.addMember("Print Operators", f.user("printer").add().dn());
        f.addMember("Domain Admins", f.user("admin").add().dn());
        assertThat(evaluate(check, f.build())).isEmpty();
    }

    @Test
    void passesOnTheCleanDomain() {
        assertThat(evaluate(check, SnapshotFixture.domain().build())).isEmpty();
    }
}
