package fr.vigie.checks.stale;

import static fr.vigie.checks.testing.CheckHarness.evaluate;
import static fr.vigie.checks.testing.CheckHarness.names;
import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.checks.Evidence;
import fr.vigie.checks.testing.SnapshotFixture;
import fr.vigie.snapshot.Account;
import fr.vigie.snapshot.AccountKind;
import fr.vigie.snapshot.DirectorySnapshot;
import fr.vigie.snapshot.Sids;
import fr.vigie.snapshot.Uac;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PrimaryGroupModifiedTest {
    private final PrimaryGroupModified check = new PrimaryGroupModified();

    @Test
    void flagsUsersAndComputersOutsideTheirDefaultPrimaryGroup() {
        var f = SnapshotFixture.domain();
        f.user("hidden-admin").primaryGroupId(Sids.RID_DOMAIN_ADMINS).add();
        f.user("as-computer").primaryGroupId(Sids.RID_DOMAIN_COMPUTERS).add();
        f.user("as-guest").primaryGroupId(Sids.RID_DOMAIN_GUESTS).add();
        f.computer("PC-AS-USER").primaryGroupId(Sids.RID_DOMAIN_USERS).add();
        f.user("disabled-admin").primaryGroupId(Sids.RID_DOMAIN_ADMINS).disabled().add();
        List<Evidence> found = evaluate(check, f.build());
        assertThat(names(found))
                .containsExactly("hidden-admin", "as-computer", "as-guest", "PC-AS-USER$", "disabled-admin");
        assertThat(found.get(0).attributes())
                .containsEntry("primaryGroupID", "512 (Domain Admins)")
                .containsEntry("expected", "[513]");
    }

    @Test
    void acceptsTheDefaultOfEachKindOfAccount() {
        var f = SnapshotFixture.domain();
        f.user("alice").add();
        f.user("Guest").rid(Sids.RID_GUEST).primaryGroupId(Sids.RID_DOMAIN_GUESTS).disabled().add();
        f.computer("WKS").add();
        f.domainController("DC1").add();
        f.computer("RODC1").uac(Uac.WORKSTATION_TRUST_ACCOUNT | Uac.PARTIAL_SECRETS_ACCOUNT)
                .primaryGroupId(Sids.RID_READONLY_DOMAIN_CONTROLLERS).add();
        assertThat(evaluate(check, f.build())).isEmpty();
    }

    @Test
    void domainControllersMustMatchTheirKindOfController() {
        var f = SnapshotFixture.domain();
        f.computer("RODC-AS-RWDC").uac(Uac.WORKSTATION_TRUST_ACCOUNT | Uac.PARTIAL_SECRETS_ACCOUNT)
                .primaryGroupId(Sids.RID_DOMAIN_CONTROLLERS).add();
        f.domainController("DC-AS-PC").primaryGroupId(Sids.RID_DOMAIN_COMPUTERS).add();
        List<Evidence> found = evaluate(check, f.build());
        assertThat(names(found)).containsExactly("RODC-AS-RWDC$", "DC-AS-PC$");
        assertThat(found.get(0).attributes()).containsEntry("expected", "[521]");
    }

    @Test
    void managedServiceAccountsMayKeepDomainComputersOrDomainUsers() {
        var f = SnapshotFixture.domain();
        Account template = f.user("template").add();
        DirectorySnapshot s = withAccounts(f.build(),
                gmsa(template, "gmsa-pacs$", Sids.RID_DOMAIN_COMPUTERS),
                gmsa(template, "gmsa-lab$", Sids.RID_DOMAIN_USERS),
                gmsa(template, "gmsa-admin$", Sids.RID_DOMAIN_ADMINS));
        assertThat(names(evaluate(check, s))).containsExactly("gmsa-admin$");
    }

    private static Account gmsa(Account t, String sam, int primaryGroupId) {
        return new Account("CN=" + sam + ",CN=Managed Service Accounts," + SnapshotFixture.DOMAIN_DN,
                Sids.of(SnapshotFixture.DOMAIN_SID, 5000 + primaryGroupId), sam,
                AccountKind.GROUP_MANAGED_SERVICE_ACCOUNT, Uac.WORKSTATION_TRUST_ACCOUNT, primaryGroupId,
                t.pwdLastSet(), t.lastLogonTimestamp(), t.whenCreated(), 0, List.of(), List.of(), List.of(),
                List.of(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static DirectorySnapshot withAccounts(DirectorySnapshot s, Account... extra) {
        List<Account> accounts = new ArrayList<>(s.accounts());
        accounts.addAll(List.of(extra));
        return new DirectorySnapshot(s.schemaVersion(), s.collectedAt(), s.source(), s.domain(), accounts,
                s.groups(), s.foreignPrincipals(), s.trusts(), s.directoryService(), s.dcServers(),
                s.namingContexts(), s.steps());
    }
}
