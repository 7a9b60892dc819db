package fr.vigie.checks;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.checks.index.DirectoryIndex;
import fr.vigie.checks.testing.SnapshotFixture;
import fr.vigie.snapshot.Account;
import fr.vigie.snapshot.ForeignPrincipal;
import fr.vigie.snapshot.Group;
import fr.vigie.snapshot.Sids;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GroupMembersTest {
    @Test
    void collectsNestedAccountsAndForeignPrincipalsOfEachPresentGroupInListOrder() {
        var f = SnapshotFixture.domain();
        f.addMember("Backup Operators", f.group("Team"));
        f.addMember("Team", f.user("tech").disabled().add().dn());
        f.addMember("Team", f.foreignPrincipal(Sids.AUTHENTICATED_USERS));
        f.addMember("Server Operators", f.user("ops").add().dn());
        DirectoryIndex index = new DirectoryIndex(f.build());

        List<GroupMembers> found = GroupMembers.ofSids(index,
                List.of(Sids.SERVER_OPERATORS, "S-1-5-32-999", Sids.BACKUP_OPERATORS));

        assertThat(found).extracting(m -> m.group().samAccountName())
                .containsExactly("Server Operators", "Backup Operators");
        assertThat(found.get(0).accounts()).extracting(Account::samAccountName).containsExactly("ops");
        assertThat(found.get(0).foreignPrincipals()).isEmpty();
        assertThat(found.get(1).accounts()).extracting(Account::samAccountName).containsExactly("tech");
        assertThat(found.get(1).foreignPrincipals()).extracting(ForeignPrincipal::sid)
                .containsExactly(Sids.AUTHENTICATED_USERS);
    }

    @Test
    void anEmptyGroupHasNoMembers() {
        DirectoryIndex index = new DirectoryIndex(SnapshotFixture.domain().build());
        Group group = index.groupBySid(Sids.PRINT_OPERATORS).orElseThrow();
        GroupMembers members = GroupMembers.of(index, group);
        assertThat(members.accounts()).isEmpty();
        assertThat(members.foreignPrincipals()).isEmpty();
    }

    @Test
    void evidenceNamesTheGroupAndMemberTypeOfCountedAccountsThenForeignPrincipals() {
        GroupMembers members = printOperatorsWithADisabledUserAComputerAndAuthenticatedUsers();

        List<Evidence> all = members.evidence(account -> true);
        assertThat(all).extracting(Evidence::name)
                .containsExactlyInAnyOrder("tech", "SRV-SVG$", Sids.AUTHENTICATED_USERS);
        assertThat(all.get(all.size() - 1).name()).isEqualTo(Sids.AUTHENTICATED_USERS);
        assertThat(all).allSatisfy(e -> assertThat(e.attributes()).containsEntry("group", "Print Operators"));
        assertThat(all).extracting(e -> e.attributes().get("memberType"))
                .contains("user (disabled)", "computer", "foreign security principal");

        List<Evidence> enabled = members.evidence(Account::enabled, (e, a) -> e.with("sam", a.samAccountName()),
                (e, p) -> e.with("sid", p.sid()));
        assertThat(enabled).extracting(Evidence::name).containsExactly("SRV-SVG$", Sids.AUTHENTICATED_USERS);
        assertThat(enabled.get(0).attributes()).containsExactly(Map.entry("group", "Print Operators"),
                Map.entry("memberType", "computer"), Map.entry("sam", "SRV-SVG$"));
        assertThat(enabled.get(1).attributes()).containsEntry("sid", Sids.AUTHENTICATED_USERS);
    }

    private static GroupMembers printOperatorsWithADisabledUserAComputerAndAuthenticatedUsers() {
        var f = SnapshotFixture.domain();
        f.addMember("Print Operators", f.user("tech").disabled().add().dn());
        f.addMember("Print Operators", f.foreignPrincipal(Sids.AUTHENTICATED_USERS));
        f.addMember("Print Operators", f.computer("SRV-SVG").add().dn());
        DirectoryIndex index = new DirectoryIndex(f.build());
        return GroupMembers.of(index, index.groupBySid(Sids.PRINT_OPERATORS).orElseThrow());
    }
}
