package fr.vigie.checks.backup;

import static fr.vigie.checks.testing.CheckHarness.evaluate;
import static fr.vigie.checks.testing.CheckHarness.names;
import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.checks.Evidence;
import fr.vigie.checks.testing.SnapshotFixture;
import fr.vigie.snapshot.AccountKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BackupServiceAccountPrivilegedTest {
    private final BackupServiceAccountPrivileged check = new BackupServiceAccountPrivileged();

    @Test
    void flagsBackupAccountsInAdminGroupsDirectlyOrNestedAndSaysWhy() {
        var f = SnapshotFixture.domain();
        f.addMember("Domain Admins", f.user("svc-veeam").add().dn());
        f.addMember("Administrators", f.group("Admins Sauvegarde"));
        f.addMember("Admins Sauvegarde", f.user("cv-agent").description("Commvault agent service").add().dn());
        f.addMember("Enterprise Admins", f.user("app01").spns("NetBackup/srv-nbu.ch-test.local").add().dn());
        List<Evidence> found = evaluate(check, f.build());
        assertThat(names(found)).containsExactly("svc-veeam", "cv-agent", "app01");
        assertThat(found.get(0).attributes())
                .containsEntry("matchedBy", "sAMAccountName 'svc-veeam' matches '*veeam*'")
                .containsEntry("privilegedGroups", "Domain Admins");
        assertThat(found.get(1).attributes())
                .containsEntry("matchedBy", "description 'Commvault agent service' matches '*commvault*'")
                .containsEntry("privilegedGroups", "Administrators");
        assertThat(found.get(2).attributes().get("matchedBy")).startsWith("servicePrincipalName 'NetBackup/");
    }

    @Test
    void extraAccountsNameAccountsTheHeuristicsMiss() {
        var f = SnapshotFixture.domain();
        f.addMember("Domain Admins", f.user("svc-app42").add().dn());
        var snapshot = f.build();
        assertThat(evaluate(check, snapshot)).isEmpty();
        var found = evaluate(check, snapshot, Map.of("extraAccounts", List.of("SVC-APP42")));
        assertThat(found).singleElement().satisfies(e ->
                assertThat(e.attributes()).containsEntry("matchedBy", "extraAccounts lists 'svc-app42'"));
    }

    @Test
    void leavesOperatorsOnlyMembersToTheOperatorsRuleButKeepsOtherPrivilegedGroups() {
        var f = SnapshotFixture.domain();
        f.addMember("Backup Operators", f.user("svc-backup").add().dn());
        f.addMember("Server Operators", f.user("svc-bkp2").description("bkp agent").add().dn());
        var both = f.user("veeam-both").add();
        f.addMember("Backup Operators", both.dn());
        f.addMember("Account Operators", both.dn());
        List<Evidence> found = evaluate(check, f.build());
        assertThat(names(found)).containsExactly("veeam-both");
        assertThat(found.get(0).attributes()).containsEntry("privilegedGroups", "Account Operators");
    }

    @Test
    void ignoresDisabledAccountsComputersAndNonBackupAdmins() {
        var f = SnapshotFixture.domain();
        f.addMember("Domain Admins", f.user("veeam-old").disabled().add().dn());
        f.addMember("Domain Admins", f.user("alice").add().dn());
        f.addMember("Domain Admins", f.user("tsmith").add().dn());
        f.addMember("Domain Admins", f.computer("SRV-VEEAM").add().dn());
        assertThat(evaluate(check, f.build())).isEmpty();
    }

    @Test
    void aGroupManagedServiceAccountCountsToo() {
        var f = SnapshotFixture.domain();
        f.addMember("Domain Admins", f.user("gmsa-veeam$").kind(AccountKind.GROUP_MANAGED_SERVICE_ACCOUNT).add().dn());
        assertThat(names(evaluate(check, f.build()))).containsExactly("gmsa-veeam$");
    }

    @Test
    void passesOnTheCleanDomain() {
        assertThat(evaluate(check, SnapshotFixture.domain().build())).isEmpty();
    }
}
