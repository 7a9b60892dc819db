package fr.vigie.agent.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** AD's limits, made small (page 10, range 5) to be seen on a few entries. */
class AdBehaviourInterceptorTest {
    static final String BASE = "DC=x,DC=local";
    static final String CONFIG = "CN=Configuration," + BASE;
    InMemoryDirectoryServer server;
    AdBehaviourInterceptor interceptor;
    LDAPConnection conn;

    @BeforeEach
    void start() throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE, CONFIG);
        config.setSchema(null);
        config.addAdditionalBindCredentials("CN=reader," + BASE, "secret");
        interceptor = new AdBehaviourInterceptor(List.of(BASE, CONFIG), "x.local",
                Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC), 10, 5);
        config.addInMemoryOperationInterceptor(interceptor);
        server = new InMemoryDirectoryServer(config);
        interceptor.attach(server);
        server.add(new Entry(BASE, new Attribute("objectClass", "top", "domain")));
        server.add(new Entry(CONFIG, new Attribute("objectClass", "top", "configuration")));
        server.add(new Entry("CN=in-config," + CONFIG, new Attribute("objectClass", "top", "user")));
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String dn = "CN=u" + i + "," + BASE;
            server.add(new Entry(dn, new Attribute("objectClass", "top", "user")));
            if (i < 12) {
                members.add(dn);
            }
        }
        server.add(new Entry("CN=g," + BASE, new Attribute("objectClass", "top", "group"),
                new Attribute("member", members)));
        server.startListening();
        conn = server.getConnection();
        conn.bind("CN=reader," + BASE, "secret");
    }

    @AfterEach
    void stop() {
        conn.close();
        server.shutDown(true);
    }

    @Test
    void nonPagedSearchesStopAtMaxPageSize() {
        assertThatThrownBy(() -> conn.search(BASE, SearchScope.SUB, "(objectClass=user)"))
                .isInstanceOfSatisfying(LDAPException.class,
                        e -> assertThat(e.getResultCode()).isEqualTo(ResultCode.SIZE_LIMIT_EXCEEDED));
    }

    @Test
    void pagedSearchesReturnEverythingOnceInPagesOfAtMostMaxPageSize() throws LDAPException {
        List<String> seen = new ArrayList<>();
        List<Integer> pages = new ArrayList<>();
        ASN1OctetString cookie = null;
        SearchResult last;
        do {
            SearchRequest r = new SearchRequest(BASE, SearchScope.SUB, "(objectClass=user)", "cn");
            r.setControls(new SimplePagedResultsControl(100, cookie));
            last = conn.search(r);
            pages.add(last.getEntryCount());
            last.getSearchEntries().forEach(e -> seen.add(e.getDN()));
            cookie = SimplePagedResultsControl.get(last).getCookie();
        } while (cookie != null && cookie.getValueLength() > 0);
        assertThat(pages).containsExactly(10, 10, 10);
        assertThat(seen).hasSize(30).doesNotHaveDuplicates().noneMatch(dn -> dn.contains("CN=in-config"));
        assertThat(last.getSearchReferences()).extracting(ref -> ref.getReferralURLs()[0])
                .containsExactly("ldap://x.local/" + CONFIG);
        assertThat(interceptor.openCursors()).isZero();
    }

    @Test
    void aCookieOnlyContinuesItsOwnSearch() throws LDAPException {
        SearchRequest first = new SearchRequest(BASE, SearchScope.SUB, "(objectClass=user)", "cn");
        first.setControls(new SimplePagedResultsControl(10, null));
        ASN1OctetString cookie = SimplePagedResultsControl.get(conn.search(first)).getCookie();
        SearchRequest other = new SearchRequest(BASE, SearchScope.SUB, "(objectClass=group)", "cn");
        other.setControls(new SimplePagedResultsControl(10, cookie));
        assertThatThrownBy(() -> conn.search(other)).isInstanceOfSatisfying(LDAPException.class,
                e -> assertThat(e.getResultCode()).isEqualTo(ResultCode.UNWILLING_TO_PERFORM));
        SearchRequest garbage = new SearchRequest(BASE, SearchScope.SUB, "(objectClass=user)", "cn");
        garbage.setControls(new SimplePagedResultsControl(10, new ASN1OctetString("nonsense")));
        assertThatThrownBy(() -> conn.search(garbage)).isInstanceOf(LDAPException.class);
    }

    @Test
    void manyValuedAttributesComeBackInRanges() throws LDAPException {
        SearchResultEntry whole = conn.getEntry("CN=g," + BASE, "member");
        assertThat(whole.hasAttribute("member")).isFalse();
        assertThat(whole.getAttribute("member;range=0-4").getValues()).hasSize(5);
        SearchResultEntry next = conn.getEntry("CN=g," + BASE, "member;range=5-*");
        assertThat(next.getAttribute("member;range=5-9").getValues()).hasSize(5);
        SearchResultEntry last = conn.getEntry("CN=g," + BASE, "member;range=10-*");
        assertThat(last.getAttribute("member;range=10-*").getValues()).containsExactly("CN=u10," + BASE,
                "CN=u11," + BASE);
        List<String> all = new ArrayList<>();
        for (SearchResultEntry e : List.of(whole, next, last)) {
            e.getAttributes().forEach(a -> all.addAll(List.of(a.getValues())));
        }
        assertThat(new HashSet<>(all)).hasSize(12);
    }

    @Test
    void pagedEntriesAreRangedToo() throws LDAPException {
        SearchRequest r = new SearchRequest(BASE, SearchScope.SUB, "(objectClass=group)", "member");
        r.setControls(new SimplePagedResultsControl(10, null));
        SearchResultEntry g = conn.search(r).getSearchEntries().get(0);
        assertThat(g.getAttribute("member;range=0-4")).isNotNull();
    }

    @Test
    void anonymousClientsOnlyReadTheRootDse() throws Exception {
        try (LDAPConnection anonymous = server.getConnection()) {
            assertThat(anonymous.getRootDSE()).isNotNull();
            assertThatThrownBy(() -> anonymous.search(BASE, SearchScope.BASE, "(objectClass=*)"))
                    .isInstanceOfSatisfying(LDAPException.class, e -> assertThat(e.getResultCode())
                            .isEqualTo(ResultCode.OPERATIONS_ERROR));
            assertThatThrownBy(() -> anonymous.bind("CN=reader," + BASE, "wrong")).isInstanceOf(LDAPException.class);
            assertThatThrownBy(() -> anonymous.search(BASE, SearchScope.BASE, "(objectClass=*)"))
                    .as("a failed bind leaves the connection anonymous").isInstanceOf(LDAPException.class);
        }
    }

    @Test
    void writesAreRefused() {
        assertThatThrownBy(() -> conn.delete("CN=u1," + BASE)).isInstanceOfSatisfying(LDAPException.class,
                e -> assertThat(e.getResultCode()).isEqualTo(ResultCode.UNWILLING_TO_PERFORM));
    }
}
