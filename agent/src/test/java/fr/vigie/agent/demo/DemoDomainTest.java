package fr.vigie.agent.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.RootDSE;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import com.unboundid.util.ssl.SSLUtil;
import fr.vigie.agent.collect.ldap.LdapTarget;
import fr.vigie.agent.collect.ldap.Transport;
import fr.vigie.agent.collect.ldap.TrustPolicy;
import fr.vigie.agent.demo.encode.AdTimes;
import fr.vigie.agent.demo.encode.SidEncoder;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reads the demo domain with a plain UnboundID connection, as any LDAP client would. */
class DemoDomainTest {
    static final Instant NOW = Instant.parse("2026-11-28T09:00:00Z");
    static final String DOMAIN = "DC=ch-exemple,DC=local";
    static DemoDomain demo;
    static LdapTarget target;
    static LDAPConnection conn;

    @BeforeAll
    static void start() throws Exception {
        demo = DemoDomain.start(NOW);
        target = demo.target();
        conn = connect(target);
        char[] pw = target.password().chars();
        conn.bind(target.bindDn(), new String(pw));
    }

    @AfterAll
    static void stop() {
        if (conn != null) {
            conn.close();
        }
        if (demo != null) {
            demo.close();
        }
    }

    /** LDAPS trusting exactly the pinned certificate. */
    static LDAPConnection connect(LdapTarget t) throws Exception {
        String pin = ((TrustPolicy.PinnedCertificate) t.trust()).sha256();
        X509TrustManager pinned = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                throw new CertificateException("client side only");
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                try {
                    String got = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(chain[0].getEncoded()));
                    if (!got.equalsIgnoreCase(pin)) {
                        throw new CertificateException("unexpected certificate " + got);
                    }
                } catch (java.security.NoSuchAlgorithmException e) {
                    throw new CertificateException(e);
                }
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        return new LDAPConnection(new SSLUtil(pinned).createSSLSocketFactory(), t.host(), t.port());
    }

    static SearchResultEntry get(String dn, String... attributes) throws LDAPException {
        SearchResultEntry e = conn.getEntry(dn, attributes);
        assertThat(e).as(dn).isNotNull();
        return e;
    }

    static String sid(Entry e, String attribute) {
        return SidEncoder.decode(e.getAttributeValueBytes(attribute));
    }

    static List<SearchResultEntry> pagedSearch(String base, String filter, String... attributes) throws LDAPException {
        List<SearchResultEntry> out = new ArrayList<>();
        ASN1OctetString cookie = null;
        do {
            SearchRequest r = new SearchRequest(base, SearchScope.SUB, filter, attributes);
            r.setControls(new SimplePagedResultsControl(200, cookie));
            SearchResult result = conn.search(r);
            out.addAll(result.getSearchEntries());
            cookie = SimplePagedResultsControl.get(result).getCookie();
        } while (cookie != null && cookie.getValueLength() > 0);
        return out;
    }

    @Test
    void targetIsLdapsOnLoopbackWithAPinnedCertificate() {
        assertThat(target.host()).isEqualTo("127.0.0.1");
        assertThat(target.port()).isPositive();
        assertThat(target.transport()).isEqualTo(Transport.LDAPS);
        assertThat(((TrustPolicy.PinnedCertificate) target.trust()).sha256()).matches("[0-9a-f]{64}");
        assertThat(target.bindDn()).isEqualTo(ChExemple.AUDIT_ACCOUNT_DN);
        assertThat(target.password().chars()).hasSizeGreaterThanOrEqualTo(20);
        assertThat(target.maxAttempts()).isEqualTo(2);
        assertThat(target.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void rootDseAnswersLikeAnAdDomainController() throws LDAPException {
        RootDSE root = conn.getRootDSE();
        assertThat(root.getAttributeValue("defaultNamingContext")).isEqualTo(DOMAIN);
        assertThat(root.getAttributeValue("configurationNamingContext")).isEqualTo("CN=Configuration," + DOMAIN);
        assertThat(root.getAttributeValue("schemaNamingContext")).isEqualTo("CN=Schema,CN=Configuration," + DOMAIN);
        assertThat(root.getAttributeValue("rootDomainNamingContext")).isEqualTo(DOMAIN);
        assertThat(root.getNamingContextDNs()).containsExactly(DOMAIN, "CN=Configuration," + DOMAIN,
                "CN=Schema,CN=Configuration," + DOMAIN, "DC=DomainDnsZones," + DOMAIN, "DC=ForestDnsZones," + DOMAIN);
        assertThat(root.getAttributeValue("domainFunctionality")).isEqualTo("2");
        assertThat(root.getAttributeValue("forestFunctionality")).isEqualTo("2");
        assertThat(root.getAttributeValue("dnsHostName")).isEqualTo("DC01.ch-exemple.local");
        assertThat(root.getSupportedControlOIDs()).contains("1.2.840.113556.1.4.319");
        assertThat(root.getAttributeValues("supportedCapabilities")).contains("1.2.840.113556.1.4.800");
    }

    @Test
    void domainHeadHasTheSidThePolicyAndABackupStamp() throws LDAPException {
        Entry head = get(DOMAIN, "objectSid", "maxPwdAge", "ms-DS-MachineAccountQuota", "minPwdLength",
                "replPropertyMetaData", "msDS-Behavior-Version");
        assertThat(sid(head, "objectSid")).isEqualTo(ChExemple.NAMES.domainSid());
        assertThat(head.getAttributeValueAsLong("maxPwdAge")).isEqualTo(-180L * 864_000_000_000L);
        assertThat(head.getAttributeValueAsInteger("ms-DS-MachineAccountQuota")).isEqualTo(10);
        assertThat(head.getAttributeValueAsInteger("msDS-Behavior-Version")).isEqualTo(2);
        ByteBuffer meta = ByteBuffer.wrap(head.getAttributeValueBytes("replPropertyMetaData"))
                .order(ByteOrder.LITTLE_ENDIAN);
        int count = meta.getInt(8);
        long dsaSignatureTime = -1;
        for (int i = 0; i < count; i++) {
            if (meta.getInt(16 + 48 * i) == 0x2004A) {
                dsaSignatureTime = meta.getLong(16 + 48 * i + 8);
            }
        }
        assertThat(dsaSignatureTime).as("dSASignature stamp = last backup, 12 days ago")
                .isEqualTo(AdTimes.dsTime(NOW.minus(Duration.ofDays(12))));
    }

    @Test
    void wellKnownAccountsHaveTheirRidsAndAdEncodings() throws LDAPException {
        Entry admin = get("CN=Administrator,CN=Users," + DOMAIN, "objectSid", "userAccountControl", "pwdLastSet",
                "whenCreated", "objectClass", "objectCategory");
        assertThat(sid(admin, "objectSid")).isEqualTo(ChExemple.NAMES.domainSid() + "-500");
        assertThat(admin.getAttributeValueAsInteger("userAccountControl")).isEqualTo(0x10200);
        assertThat(admin.getAttributeValueAsLong("pwdLastSet")).isEqualTo(AdTimes.fileTime(
                NOW.minus(Duration.ofDays(3_480))));
        assertThat(admin.getAttributeValue("whenCreated")).matches("\\d{14}\\.0Z");
        assertThat(admin.getAttributeValues("objectClass")).containsExactly("top", "person", "organizationalPerson",
                "user");
        assertThat(admin.getAttributeValue("objectCategory")).isEqualTo("CN=Person,CN=Schema,CN=Configuration,"
                + DOMAIN);
        Entry krbtgt = get("CN=krbtgt,CN=Users," + DOMAIN, "objectSid", "pwdLastSet");
        assertThat(sid(krbtgt, "objectSid")).endsWith("-502");
        assertThat(krbtgt.getAttributeValueAsLong("pwdLastSet")).isEqualTo(AdTimes.fileTime(
                NOW.minus(Duration.ofDays(5_400))));
        Entry guest = get("CN=Guest,CN=Users," + DOMAIN, "userAccountControl");
        assertThat(guest.getAttributeValueAsInteger("userAccountControl") & 0x2).as("Guest enabled").isZero();
    }

    @Test
    void builtinAndDomainGroupsCarryWellKnownSidsAndMembers() throws LDAPException {
        Entry admins = get("CN=Administrators,CN=Builtin," + DOMAIN, "objectSid", "groupType", "member");
        assertThat(sid(admins, "objectSid")).isEqualTo("S-1-5-32-544");
        assertThat(admins.getAttributeValueAsInteger("groupType")).isEqualTo(0x80000005);
        assertThat(admins.getAttributeValues("member")).contains("CN=Domain Admins,CN=Users," + DOMAIN,
                "CN=GS_Admins_Informatique,OU=Groupes,OU=CH Exemple," + DOMAIN);
        Entry da = get("CN=Domain Admins,CN=Users," + DOMAIN, "objectSid", "member");
        assertThat(sid(da, "objectSid")).isEqualTo(ChExemple.NAMES.domainSid() + "-512");
        assertThat(da.getAttributeValues("member")).contains("CN=Administrator,CN=Users," + DOMAIN,
                "CN=svc-sql-dpi,OU=Comptes de service,OU=CH Exemple," + DOMAIN);
        Entry pre2000 = get("CN=Pre-Windows 2000 Compatible Access,CN=Builtin," + DOMAIN, "member");
        assertThat(pre2000.getAttributeValues("member")).contains("CN=S-1-5-7,CN=ForeignSecurityPrincipals," + DOMAIN);
        Entry fsp = get("CN=S-1-5-7,CN=ForeignSecurityPrincipals," + DOMAIN, "objectSid", "objectClass");
        assertThat(sid(fsp, "objectSid")).isEqualTo("S-1-5-7");
        assertThat(fsp.getAttributeValues("objectClass")).contains("foreignSecurityPrincipal");
    }

    @Test
    void resourceBasedDelegationOnDc01NamesTheGedServer() throws LDAPException {
        Entry dc01 = get("CN=DC01,OU=Domain Controllers," + DOMAIN, "msDS-AllowedToActOnBehalfOfOtherIdentity",
                "userAccountControl", "primaryGroupID");
        Entry ged = get("CN=SRV-GED01,OU=Serveurs,OU=CH Exemple," + DOMAIN, "objectSid");
        byte[] sd = dc01.getAttributeValueBytes("msDS-AllowedToActOnBehalfOfOtherIdentity");
        ByteBuffer b = ByteBuffer.wrap(sd).order(ByteOrder.LITTLE_ENDIAN);
        int ace = b.getInt(16) + 8;
        int aceSize = b.getShort(ace + 2) & 0xFFFF;
        assertThat(b.get(ace)).as("ACCESS_ALLOWED").isZero();
        assertThat(SidEncoder.decode(Arrays.copyOfRange(sd, ace + 8, ace + aceSize))).isEqualTo(sid(ged, "objectSid"));
        assertThat(dc01.getAttributeValueAsInteger("userAccountControl")).isEqualTo(0x82000);
        assertThat(dc01.getAttributeValueAsInteger("primaryGroupID")).isEqualTo(516);
    }

    @Test
    void sidHistoryAndTrustSidsAreBinary() throws LDAPException {
        Entry migration = get("CN=adm-migration,OU=Administration,OU=CH Exemple," + DOMAIN, "sIDHistory");
        assertThat(sid(migration, "sIDHistory")).isEqualTo(ChExemple.OLD_DOMAIN_SID + "-512");
        Entry trust = get("CN=ght-territoire.local,CN=System," + DOMAIN, "securityIdentifier", "trustAttributes",
                "trustDirection", "trustType", "objectClass");
        assertThat(sid(trust, "securityIdentifier")).startsWith("S-1-5-21-");
        assertThat(trust.getAttributeValueAsInteger("trustAttributes")).isZero();
        assertThat(trust.getAttributeValueAsInteger("trustDirection")).isEqualTo(3);
        assertThat(trust.getAttributeValues("objectClass")).contains("trustedDomain");
    }

    @Test
    void theDomainHasAboutThreeHundredUsersAndOneHundredFiftyComputers() throws LDAPException {
        List<SearchResultEntry> users = pagedSearch(DOMAIN, "(&(objectClass=user)(!(objectClass=computer)))",
                "sAMAccountName");
        List<SearchResultEntry> computers = pagedSearch(DOMAIN, "(objectClass=computer)", "sAMAccountName");
        assertThat(users).hasSizeBetween(280, 340);
        assertThat(computers).hasSizeBetween(140, 170);
        assertThat(pagedSearch(DOMAIN, "(objectClass=group)", "cn")).hasSizeGreaterThan(40);
    }

    @Test
    void configurationPartitionHasTheDcsDirectoryServiceAndNoRecycleBin() throws LDAPException {
        String config = "CN=Configuration," + DOMAIN;
        Entry ds = get("CN=Directory Service,CN=Windows NT,CN=Services," + config, "dSHeuristics",
                "tombstoneLifetime");
        assertThat(ds.getAttributeValue("dSHeuristics")).isEqualTo("0000002");
        assertThat(ds.getAttributeValueAsInteger("tombstoneLifetime")).isEqualTo(180);
        Entry partitions = get("CN=Partitions," + config, "msDS-EnabledFeature", "msDS-Behavior-Version");
        assertThat(partitions.hasAttribute("msDS-EnabledFeature")).isFalse();
        List<SearchResultEntry> servers = pagedSearch("CN=Sites," + config, "(objectClass=server)",
                "serverReference", "dNSHostName");
        assertThat(servers).extracting(e -> e.getAttributeValue("serverReference")).containsExactlyInAnyOrder(
                "CN=DC01,OU=Domain Controllers," + DOMAIN, "CN=DC02,OU=Domain Controllers," + DOMAIN,
                "CN=DC03,OU=Domain Controllers," + DOMAIN);
        assertThat(pagedSearch("CN=Sites," + config, "(objectClass=nTDSDSA)", "cn")).hasSize(3);
        assertThat(pagedSearch("CN=Sites," + config, "(objectClass=nTDSDSARO)", "cn")).as("two RODCs").hasSize(2);
        Entry rodc = get("CN=DC03,OU=Domain Controllers," + DOMAIN, "userAccountControl", "primaryGroupID");
        assertThat(rodc.getAttributeValueAsInteger("userAccountControl")).isEqualTo(0x5001000);
        assertThat(rodc.getAttributeValueAsInteger("primaryGroupID")).isEqualTo(521);
    }

    @Test
    void schemaHasBothLapsSchemasAndStaysOutOfDomainSearches() throws LDAPException {
        String schema = "CN=Schema,CN=Configuration," + DOMAIN;
        SearchResult laps = conn.search(schema, SearchScope.ONE,
                "(|(lDAPDisplayName=ms-Mcs-AdmPwd)(lDAPDisplayName=msLAPS-Password))", "lDAPDisplayName");
        assertThat(laps.getSearchEntries()).extracting(e -> e.getAttributeValue("lDAPDisplayName"))
                .containsExactlyInAnyOrder("ms-Mcs-AdmPwd", "msLAPS-Password");
        SearchResult fromDomain = conn.search(DOMAIN, SearchScope.SUB, "(objectClass=attributeSchema)", "cn");
        assertThat(fromDomain.getEntryCount()).as("other naming contexts are not searched").isZero();
        assertThat(fromDomain.getSearchReferences()).extracting(r -> r.getReferralURLs()[0]).containsExactlyInAnyOrder(
                "ldap://ch-exemple.local/CN=Configuration," + DOMAIN,
                "ldap://ch-exemple.local/DC=DomainDnsZones," + DOMAIN,
                "ldap://ch-exemple.local/DC=ForestDnsZones," + DOMAIN);
    }

    @Test
    void theDirectoryIsReadOnly() {
        assertThatThrownBy(() -> conn.modify("CN=Guest,CN=Users," + DOMAIN,
                new com.unboundid.ldap.sdk.Modification(com.unboundid.ldap.sdk.ModificationType.REPLACE,
                        "description", "x")))
                .isInstanceOfSatisfying(LDAPException.class,
                        e -> assertThat(e.getResultCode()).isEqualTo(ResultCode.UNWILLING_TO_PERFORM));
        assertThatThrownBy(() -> conn.add(new Entry("CN=x,CN=Users," + DOMAIN, new Attribute("objectClass", "user"))))
                .isInstanceOf(LDAPException.class);
    }

    @Test
    void onlyTheAuditAccountWithItsPasswordCanReadTheDirectory() throws Exception {
        try (LDAPConnection anonymous = connect(target)) {
            assertThat(anonymous.getRootDSE()).as("RootDSE stays anonymous, as on AD").isNotNull();
            assertThatThrownBy(() -> anonymous.search(DOMAIN, SearchScope.BASE, "(objectClass=*)"))
                    .isInstanceOfSatisfying(LDAPException.class, e -> assertThat(e.getDiagnosticMessage())
                            .contains("a successful bind must be completed"));
            assertThatThrownBy(() -> anonymous.bind(target.bindDn(), "wrong password"))
                    .isInstanceOfSatisfying(LDAPException.class,
                            e -> assertThat(e.getResultCode()).isEqualTo(ResultCode.INVALID_CREDENTIALS));
        }
    }

    @Test
    void sameNowGivesTheSameDirectory() throws Exception {
        try (DemoDomain other = DemoDomain.start(NOW)) {
            assertThat(other.entryCount()).isEqualTo(demo.entryCount());
            LdapTarget t = other.target();
            assertThat(t.port()).isNotEqualTo(target.port());
            assertThat(((TrustPolicy.PinnedCertificate) t.trust()).sha256())
                    .isNotEqualTo(((TrustPolicy.PinnedCertificate) target.trust()).sha256());
            try (LDAPConnection c = connect(t)) {
                c.bind(t.bindDn(), new String(t.password().chars()));
                String dn = "OU=Urgences,OU=Utilisateurs,OU=CH Exemple," + DOMAIN;
                List<String> here = conn.search(dn, SearchScope.ONE, "(objectClass=user)", "sAMAccountName")
                        .getSearchEntries().stream().map(e -> e.getAttributeValue("sAMAccountName")).sorted().toList();
                List<String> there = c.search(dn, SearchScope.ONE, "(objectClass=user)", "sAMAccountName")
                        .getSearchEntries().stream().map(e -> e.getAttributeValue("sAMAccountName")).sorted().toList();
                assertThat(there).isNotEmpty().isEqualTo(here);
            }
        }
    }
}
