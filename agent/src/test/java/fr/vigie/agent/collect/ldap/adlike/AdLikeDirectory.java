package fr.vigie.agent.collect.ldap.adlike;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.util.ssl.KeyStoreKeyManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustAllTrustManager;
import fr.vigie.agent.collect.ldap.codec.ReplPropertyMetaData;
import fr.vigie.snapshot.ReplAttributeMetadata;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A small AD-like domain on UnboundID's in-memory server, listening on 127.0.0.1 (random ports): RootDSE with AD's
 * attributes, the domain head (SID, password policy, machine account quota, replPropertyMetaData), configuration
 * and schema partitions (sites with one DC, Directory Service, Partitions) and a few standard principals. Schema
 * checking is off so that entries carry AD attributes. {@link AdLimitsInterceptor} always runs; a
 * {@link FaultInterceptor} is available through {@link #faults()}. Start with {@link #builder()}; close to stop.
 */
public final class AdLikeDirectory implements AutoCloseable {
    public static final String DOMAIN_DN = "DC=example,DC=test";
    public static final String DOMAIN_SID = "S-1-5-21-1004336348-1177238915-682003330";
    public static final String CONFIG_DN = "CN=Configuration," + DOMAIN_DN;
    public static final String SCHEMA_DN = "CN=Schema," + CONFIG_DN;
    public static final String DOMAIN_DNS_ZONES = "DC=DomainDnsZones," + DOMAIN_DN;
    public static final String FOREST_DNS_ZONES = "DC=ForestDnsZones," + DOMAIN_DN;
    public static final String DC_SERVER_DN = "CN=DC1,CN=Servers,CN=Default-First-Site-Name,CN=Sites," + CONFIG_DN;
    public static final String DC_COMPUTER_DN = "CN=DC1,OU=Domain Controllers," + DOMAIN_DN;
    public static final String AUDIT_DN = "CN=audit,CN=Users," + DOMAIN_DN;
    public static final String AUDIT_PASSWORD = "Audit-Pa55-Secret!";
    /** Time of the last backup recorded in the domain head's dSASignature metadata. */
    public static final Instant LAST_BACKUP = Instant.parse("2024-03-01T02:00:00Z");
    public static final String INVOCATION_ID = "6d5fbd3c-62b8-4c6f-9c3a-1f0a5e1b2c3d";

    /** Standard users in the skeleton: Administrator (500), krbtgt (502). */
    public static final int STANDARD_USERS = 2;
    /** Standard computers: DC1. */
    public static final int STANDARD_COMPUTERS = 1;
    /** Standard groups: Domain Admins (512), Domain Users (513). */
    public static final int STANDARD_GROUPS = 2;

    private final InMemoryDirectoryServer server;
    private final AdLimitsInterceptor limits;
    private final FaultInterceptor faults;

    private AdLikeDirectory(InMemoryDirectoryServer server, AdLimitsInterceptor limits, FaultInterceptor faults) {
        this.server = server;
        this.limits = limits;
        this.faults = faults;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Options of the test server. */
    public static final class Builder {
        private TestCertificates certificates;
        private boolean ldaps;
        private boolean startTls;
        private final List<InMemoryOperationInterceptor> extra = new ArrayList<>();

        /** Adds an LDAPS listener with this certificate. */
        public Builder ldaps(TestCertificates certs) {
            this.certificates = certs;
            this.ldaps = true;
            return this;
        }

        /** Lets the plain listener accept StartTLS with this certificate. */
        public Builder startTls(TestCertificates certs) {
            this.certificates = certs;
            this.startTls = true;
            return this;
        }

        public Builder interceptor(InMemoryOperationInterceptor interceptor) {
            extra.add(interceptor);
            return this;
        }

        public AdLikeDirectory start() throws Exception {
            InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(DOMAIN_DN);
            config.setSchema(null);
            config.setEnforceAttributeSyntaxCompliance(false);
            config.setEnforceSingleStructuralObjectClass(false);
            config.addAdditionalBindCredentials(AUDIT_DN, AUDIT_PASSWORD);
            config.setCustomRootDSEAttributes(List.of(
                    new Attribute("defaultNamingContext", DOMAIN_DN),
                    new Attribute("configurationNamingContext", CONFIG_DN),
                    new Attribute("schemaNamingContext", SCHEMA_DN),
                    new Attribute("rootDomainNamingContext", DOMAIN_DN),
                    new Attribute("domainFunctionality", "7"),
                    new Attribute("forestFunctionality", "6"),
                    new Attribute("dnsHostName", "dc1.example.test"),
                    new Attribute("namingContexts", DOMAIN_DN, CONFIG_DN, SCHEMA_DN, DOMAIN_DNS_ZONES,
                            FOREST_DNS_ZONES)));
            InetAddress loopback = InetAddress.getByName("127.0.0.1");
            SSLUtil serverTls = certificates == null ? null : new SSLUtil(
                    new KeyStoreKeyManager(certificates.keyStore().toFile(), certificates.password(), "PKCS12",
                            "server-cert"), new TrustAllTrustManager());
            List<InMemoryListenerConfig> listeners = new ArrayList<>();
            listeners.add(InMemoryListenerConfig.createLDAPConfig("LDAP", loopback, 0,
                    startTls ? serverTls.createSSLSocketFactory() : null));
            if (ldaps) {
                listeners.add(InMemoryListenerConfig.createLDAPSConfig("LDAPS", loopback, 0,
                        serverTls.createSSLServerSocketFactory(),
                        new SSLUtil(new TrustAllTrustManager()).createSSLSocketFactory()));
            }
            config.setListenerConfigs(listeners);
            FaultInterceptor faults = new FaultInterceptor();
            AdLimitsInterceptor limits = new AdLimitsInterceptor();
            for (InMemoryOperationInterceptor i : extra) {
                config.addInMemoryOperationInterceptor(i);
            }
            config.addInMemoryOperationInterceptor(faults);
            config.addInMemoryOperationInterceptor(limits);
            InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
            faults.attach(server);
            server.addEntries(skeleton());
            server.startListening();
            return new AdLikeDirectory(server, limits, faults);
        }
    }

    /** The plain-LDAP (and StartTLS) port. */
    public int port() {
        return server.getListenPort("LDAP");
    }

    public int ldapsPort() {
        return server.getListenPort("LDAPS");
    }

    public InMemoryDirectoryServer server() {
        return server;
    }

    public AdLimitsInterceptor limits() {
        return limits;
    }

    public FaultInterceptor faults() {
        return faults;
    }

    public void add(AdObject... objects) throws LDAPException {
        for (AdObject o : objects) {
            server.add(o.toEntry());
        }
    }

    public void add(Collection<Entry> entries) throws LDAPException {
        server.addEntries(new ArrayList<>(entries));
    }

    @Override
    public void close() {
        server.shutDown(true);
    }

    /** replPropertyMetaData of a naming-context head whose dSASignature was last written at {@code backup}. */
    public static byte[] ncMetadata(Instant backup) {
        return ReplPropertyMetaData.encode(List.of(
                new ReplAttributeMetadata(0, 1, Instant.parse("2020-01-01T00:00:00Z"), INVOCATION_ID, 4100, 4100),
                new ReplAttributeMetadata(ReplAttributeMetadata.DSA_SIGNATURE, 12, backup, INVOCATION_ID, 98765, 98765)));
    }

    private static List<Entry> skeleton() {
        String d = DOMAIN_DN;
        List<AdObject> o = new ArrayList<>();
        o.add(AdObject.of("DC=example", "DC=test", "top", "domain", "domainDNS").sid(DOMAIN_SID)
                .set("minPwdLength", "7").set("pwdHistoryLength", "24").set("maxPwdAge", "-36288000000000")
                .set("pwdProperties", "1").set("lockoutThreshold", "0").set("ms-DS-MachineAccountQuota", "10")
                .bytes("replPropertyMetaData", ncMetadata(LAST_BACKUP)));
        for (String c : List.of("Users", "Computers", "System", "ForeignSecurityPrincipals", "Managed Service Accounts")) {
            o.add(AdObject.of("CN=" + c, d, "top", "container"));
        }
        o.add(AdObject.of("OU=Domain Controllers", d, "top", "organizationalUnit"));
        o.add(AdObject.of("DC=DomainDnsZones", d, "top", "domainDNS")
                .bytes("replPropertyMetaData", ncMetadata(Instant.parse("2023-06-01T00:00:00Z"))));
        o.add(AdObject.of("CN=Configuration", d, "top", "configuration")
                .bytes("replPropertyMetaData", ncMetadata(Instant.parse("2024-02-01T00:00:00Z"))));
        o.add(AdObject.of("CN=Schema", CONFIG_DN, "top", "dMD")
                .bytes("replPropertyMetaData", ncMetadata(Instant.parse("2024-01-01T00:00:00Z"))));
        o.add(AdObject.of("CN=Services", CONFIG_DN, "top", "container"));
        o.add(AdObject.of("CN=Windows NT", "CN=Services," + CONFIG_DN, "top", "container"));
        o.add(AdObject.of("CN=Directory Service", "CN=Windows NT,CN=Services," + CONFIG_DN, "top", "nTDSService")
                .set("tombstoneLifetime", "180").set("dSHeuristics", "00000000010000000002000000011"));
        o.add(AdObject.of("CN=Partitions", CONFIG_DN, "top", "crossRefContainer").set("msDS-EnabledFeature",
                "CN=Recycle Bin Feature,CN=Optional Features,CN=Directory Service,CN=Windows NT,CN=Services," + CONFIG_DN));
        o.add(AdObject.of("CN=Sites", CONFIG_DN, "top", "sitesContainer"));
        o.add(AdObject.of("CN=Default-First-Site-Name", "CN=Sites," + CONFIG_DN, "top", "site"));
        o.add(AdObject.of("CN=Servers", "CN=Default-First-Site-Name,CN=Sites," + CONFIG_DN, "top", "serversContainer"));
        o.add(AdObject.of("CN=DC1", "CN=Servers,CN=Default-First-Site-Name,CN=Sites," + CONFIG_DN, "top", "server")
                .set("dNSHostName", "dc1.example.test").set("serverReference", DC_COMPUTER_DN));
        o.add(AdObject.of("CN=NTDS Settings", DC_SERVER_DN, "top", "applicationSettings", "nTDSDSA"));
        o.add(AdObject.computer("DC1", 1000).in("OU=Domain Controllers," + d).uac(0x82000).set("primaryGroupID", "516")
                .set("operatingSystem", "Windows Server 2019 Standard").set("operatingSystemVersion", "10.0 (17763)"));
        o.add(AdObject.user("Administrator", 500).uac(0x10200).set("adminCount", "1"));
        o.add(AdObject.user("krbtgt", 502).uac(0x202).pwdLastSet(Instant.parse("2020-01-01T00:00:00Z")));
        o.add(AdObject.group("Domain Admins", 512).members(List.of("CN=Administrator,CN=Users," + d))
                .set("adminCount", "1"));
        o.add(AdObject.group("Domain Users", 513));
        List<Entry> out = new ArrayList<>();
        for (AdObject x : o) {
            out.add(x.toEntry());
        }
        return out;
    }
}
