package fr.vigie.checks.backup;

import static fr.vigie.checks.testing.CheckHarness.evaluate;
import static fr.vigie.checks.testing.CheckHarness.names;
import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.checks.Evidence;
import fr.vigie.checks.testing.SnapshotFixture;
import fr.vigie.snapshot.AccountKind;
import fr.vigie.snapshot.Uac;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackupServiceAccountWeakTest {
    private final BackupServiceAccountWeak check = new BackupServiceAccountWeak();

    @Test
    void listsEachWeaknessOfABackupUserAccount() {
        var f = SnapshotFixture.domain();
        f.user("svc-veeam").flags(Uac.DONT_EXPIRE_PASSWORD).spns("MSSQLSvc/srv-veeam.ch-test.local:1433").add();
        List<Evidence> found = evaluate(check, f.build());
        assertThat(found).singleElement().satisfies(e -> assertThat(e.attributes())
                .containsEntry("weaknesses", "kerberoastable (has a servicePrincipalName); "
                        + "password never expires (DONT_EXPIRE_PASSWORD); "
                        + "can be delegated (not NOT_DELEGATED, not in Protected Users)")
                .containsEntry("servicePrincipalName", "MSSQLSvc/srv-veeam.ch-test.local:1433")
                .containsEntry("userAccountControl", "0x10200 (NORMAL_ACCOUNT|DONT_EXPIRE_PASSWORD)")
                .containsEntry("matchedBy", "sAMAccountName 'svc-veeam' matches '*veeam*'"));
    }

    @Test
    void aSensitiveAccountWithoutSpnWhosePasswordExpiresIsFine() {
        var f = SnapshotFixture.domain();
        f.user("svc-backup").flags(Uac.NOT_DELEGATED).add();
        f.addMember("Protected Users", f.user("svc-sauvegarde").add().dn());
        assertThat(evaluate(check, f.build())).isEmpty();
    }

    @Test
    void onlyTheDelegationPointAppliesToManagedServiceAccounts() {
        var f = SnapshotFixture.domain();
        f.user("gmsa-veeam$").kind(AccountKind.GROUP_MANAGED_SERVICE_ACCOUNT)
                .uac(Uac.WORKSTATION_TRUST_ACCOUNT | Uac.DONT_EXPIRE_PASSWORD).spns("HTTP/veeam").add();
        f.user("msa-bkp$").kind(AccountKind.MANAGED_SERVICE_ACCOUNT)
                .uac(Uac.WORKSTATION_TRUST_ACCOUNT | Uac.NOT_DELEGATED).spns("HTTP/bkp").add();
        List<Evidence> found = evaluate(check, f.build());
        assertThat(names(found)).containsExactly("gmsa-veeam$");
        assertThat(found.get(0).attributes())
                .containsEntry("weaknesses", "can be delegated (not NOT_DELEGATED, not in Protected Users)");
    }

    @Test
    void leavesDomainAdminsToThePrivilegedRuleButNotOperators() {
        var f = SnapshotFixture.domain();
        f.addMember("Domain Admins", f.user("svc-veeam").flags(Uac.DONT_EXPIRE_PASSWORD).add().dn());
        f.addMember("Backup Operators", f.user("svc-backup").flags(Uac.DONT_EXPIRE_PASSWORD).add().dn());
        assertThat(names(evaluate(check, f.build()))).containsExactly("svc-backup");
    }

    @Test
    void ignoresDisabledAndNonBackupAccounts() {
        var f = SnapshotFixture.domain();
        f.user("svc-veeam").disabled().flags(Uac.DONT_EXPIRE_PASSWORD).add();
        f.user("svc-web").spns("HTTP/intranet").add();
        assertThat(evaluate(check, f.build())).isEmpty();
    }

    @Test
    void passesOnTheCleanDomain() {
        assertThat(evaluate(check, SnapshotFixture.domain().build())).isEmpty();
    }
}
