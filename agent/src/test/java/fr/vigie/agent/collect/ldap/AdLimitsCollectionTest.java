package fr.vigie.agent.collect.ldap;

import static fr.vigie.agent.collect.ldap.adlike.AdLikeDirectory.DOMAIN_DN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchScope;
import fr.vigie.agent.collect.ldap.adlike.AdLikeDirectory;
import fr.vigie.agent.collect.ldap.adlike.AdObject;
import fr.vigie.snapshot.Account;
import fr.vigie.snapshot.DataSource;
import fr.vigie.snapshot.DirectorySnapshot;
import fr.vigie.snapshot.Group;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Paging past AD's MaxPageSize and range retrieval past its MaxValRange, on a directory that enforces both. */
class AdLimitsCollectionTest {
    static final int USERS = 2_500;
    static final int BIG_GROUP = 5_000;

    private static AdLikeDirectory dc;
    private static List<String> bigGroupMembers;

    @BeforeAll
    static void bigDomain() throws Exception {
        dc = AdLikeDirectory.builder().start();
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            entries.add(AdObject.user(String.format("user%05d", i), 10_000 + i).toEntry());
        }
        bigGroupMembers = new ArrayList<>();
        for (int i = 0; i < BIG_GROUP; i++) {
            // members need not exist: AD keeps DNs, the collector does not resolve them
            bigGroupMembers.add(String.format("CN=member%05d,CN=Users,%s", i, DOMAIN_DN));
        }
        entries.add(AdObject.group("Everyone-Staff", 2_000).members(bigGroupMembers).toEntry());
        entries.add(AdObject.group("Exactly1500", 2_001).members(bigGroupMembers.subList(0, 1500)).toEntry());
        entries.add(AdObject.group("Exactly1501", 2_002).members(bigGroupMembers.subList(0, 1501)).toEntry());
        dc.add(entries);
    }

    @AfterAll
    static void stop() {
        dc.close();
    }

    @Test
    void theTestDirectoryReallyEnforcesAdLimits() throws Exception {
        try (LDAPConnection c = new LDAPConnection("127.0.0.1", dc.port(), AdLikeDirectory.AUDIT_DN,
                AdLikeDirectory.AUDIT_PASSWORD)) {
            assertThatThrownBy(() -> c.search(DOMAIN_DN, SearchScope.SUB, "(objectClass=user)", "sAMAccountName"))
                    .isInstanceOfSatisfying(LDAPSearchException.class, e -> {
                        assertThat(e.getResultCode()).isEqualTo(ResultCode.SIZE_LIMIT_EXCEEDED);
                        assertThat(e.getEntryCount()).isEqualTo(1000);
                    });
            SearchResult r = c.search(DOMAIN_DN, SearchScope.SUB, "(cn=Everyone-Staff)", "member");
            Entry g = r.getSearchEntries().get(0);
            assertThat(g.hasAttribute("member")).isFalse();
            assertThat(g.getAttribute("member;range=0-1499").size()).isEqualTo(1500);
            Entry next = c.getEntry(g.getDN(), "member;range=4500-*");
            assertThat(next.getAttribute("member;range=4500-*").size()).isEqualTo(500);
        }
    }

    @Test
    void pagingCollectsEveryUserPastTheThousandCap() throws Exception {
        Targets.RecordingProgress progress = new Targets.RecordingProgress();
        int sizeLimitHitsBefore = dc.limits().sizeLimitHits();
        DirectorySnapshot s = Targets.collector(Targets.plain(dc.port()), progress, new ArrayList<>())
                .collect(Targets.NOW);

        assertThat(Targets.step(s, DataSource.USERS).isComplete()).isTrue();
        int expected = USERS + AdLikeDirectory.STANDARD_USERS;
        assertThat(Targets.step(s, DataSource.USERS).objects()).isEqualTo(expected);
        assertThat(s.users().map(Account::samAccountName).distinct().count()).isEqualTo(expected);
        assertThat(new HashSet<>(s.users().map(Account::sid).toList())).hasSize(expected);
        assertThat(progress.events).contains("read USERS 500", "read USERS 1000", "read USERS 2500");
        assertThat(progress.events).doesNotContain("read USERS 2502");
        assertThat(dc.limits().sizeLimitHits()).isEqualTo(sizeLimitHitsBefore);
    }

    @Test
    void rangeRetrievalCollectsEveryMemberOfA5000MemberGroup() throws Exception {
        int rangesBefore = dc.limits().rangedValuesServed();
        DirectorySnapshot s = Targets.collect(Targets.plain(dc.port()));

        assertThat(Targets.step(s, DataSource.GROUPS).isComplete()).isTrue();
        Group big = group(s, "Everyone-Staff");
        assertThat(big.members()).hasSize(BIG_GROUP).containsExactlyElementsOf(bigGroupMembers);
        assertThat(group(s, "Exactly1500").members()).hasSize(1500);
        assertThat(group(s, "Exactly1501").members()).containsExactlyElementsOf(bigGroupMembers.subList(0, 1501));
        assertThat(group(s, "Domain Admins").members()).hasSize(1);
        // 4 slices for the 5000-member group (0-1499 ... 4500-*), 2 for the 1501-member one
        assertThat(dc.limits().rangedValuesServed() - rangesBefore).as("the server really sent ranges").isEqualTo(6);
    }

    private static Group group(DirectorySnapshot s, String name) {
        return s.groups().stream().filter(g -> g.samAccountName().equals(name)).findFirst().orElseThrow();
    }
}
