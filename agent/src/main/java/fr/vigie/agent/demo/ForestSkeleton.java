package fr.vigie.agent.demo;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import fr.vigie.agent.demo.ForestSettings.DomainControllerSpec;
import fr.vigie.agent.demo.encode.AdTimes;
import fr.vigie.agent.demo.encode.GuidEncoder;
import fr.vigie.agent.demo.encode.ReplPropertyMetaDataEncoder;
import fr.vigie.agent.demo.encode.ReplPropertyMetaDataEncoder.Stamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * What every AD forest root domain has before anyone uses it: the RootDSE, the domain head with its password
 * policy, the default containers, Builtin and CN=Users groups, the well-known accounts, the configuration
 * partition (sites, DCs' server and NTDS Settings objects, Directory Service, Partitions, optional features), a
 * schema partition with attributeSchema and classSchema objects, and the two DNS application partitions. The
 * scenarios ({@link ChExemple}, the benchmark's generator) add the people and machines.
 *
 * <p>Not thread-safe (it uses an {@link AdEntries}).
 */
public final class ForestSkeleton {
    /** The legacy LAPS attributes (Microsoft LAPS, "AdmPwd"). */
    public static final List<String> LAPS_LEGACY_ATTRIBUTES = List.of("ms-Mcs-AdmPwd", "ms-Mcs-AdmPwdExpirationTime");
    /** The Windows LAPS attributes (April 2023 schema extension). */
    public static final List<String> LAPS_WINDOWS_ATTRIBUTES = List.of("msLAPS-PasswordExpirationTime",
            "msLAPS-Password", "msLAPS-EncryptedPassword", "msLAPS-EncryptedPasswordHistory",
            "msLAPS-EncryptedDSRMPassword", "msLAPS-EncryptedDSRMPasswordHistory");
    /** DN of the Recycle Bin optional feature, relative to the configuration partition. */
    static final String RECYCLE_BIN_FEATURE = "CN=Recycle Bin Feature,CN=Optional Features,CN=Directory Service,"
            + "CN=Windows NT,CN=Services,";

    private static final String DEFAULT_DOMAIN_POLICY = "{31B2F340-016D-11D2-945F-00C04FB984F9}";

    private final ForestSettings settings;
    private final DomainNames names;
    private final AdEntries ad;

    public ForestSkeleton(ForestSettings settings, AdEntries ad) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.ad = Objects.requireNonNull(ad, "ad");
        this.names = settings.names();
        if (!ad.names().equals(names)) {
            throw new IllegalArgumentException("the entry factory is for " + ad.names().dnsName() + ", not "
                    + names.dnsName());
        }
    }

    public ForestSettings settings() {
        return settings;
    }

    /** The RootDSE as a Windows Server 2016 DC of this forest answers it. */
    public Entry rootDse(Instant now) {
        DomainControllerSpec dc = settings.answeringDc();
        Entry e = new Entry("");
        e.addAttribute("objectClass", "top");
        e.addAttribute("currentTime", AdTimes.generalizedTime(now));
        e.addAttribute("subschemaSubentry", "CN=Aggregate," + names.schemaDn());
        e.addAttribute("dsServiceName", dc.ntdsSettingsDn(names));
        e.addAttribute("namingContexts", names.namingContexts().toArray(String[]::new));
        e.addAttribute("defaultNamingContext", names.domainDn());
        e.addAttribute("schemaNamingContext", names.schemaDn());
        e.addAttribute("configurationNamingContext", names.configurationDn());
        e.addAttribute("rootDomainNamingContext", names.domainDn());
        e.addAttribute("supportedControl", "1.2.840.113556.1.4.319", "1.2.840.113556.1.4.801",
                "1.2.840.113556.1.4.473", "1.2.840.113556.1.4.528", "1.2.840.113556.1.4.417",
                "1.2.840.113556.1.4.619", "1.2.840.113556.1.4.841", "1.2.840.113556.1.4.529",
                "1.2.840.113556.1.4.805", "1.2.840.113556.1.4.521", "1.2.840.113556.1.4.970",
                "1.2.840.113556.1.4.1338", "1.2.840.113556.1.4.474", "1.2.840.113556.1.4.1339",
                "1.2.840.113556.1.4.1340", "1.2.840.113556.1.4.1413", "2.16.840.1.113730.3.4.9",
                "2.16.840.1.113730.3.4.10", "1.2.840.113556.1.4.1504", "1.2.840.113556.1.4.1852",
                "1.2.840.113556.1.4.802", "1.2.840.113556.1.4.1907", "1.2.840.113556.1.4.1948",
                "1.2.840.113556.1.4.1974", "1.2.840.113556.1.4.1341", "1.2.840.113556.1.4.2026",
                "1.2.840.113556.1.4.2064", "1.2.840.113556.1.4.2065", "1.2.840.113556.1.4.2066",
                "1.2.840.113556.1.4.2090", "1.2.840.113556.1.4.2205", "1.2.840.113556.1.4.2204",
                "1.2.840.113556.1.4.2206", "1.2.840.113556.1.4.2211", "1.2.840.113556.1.4.2239",
                "1.2.840.113556.1.4.2255", "1.2.840.113556.1.4.2256", "1.2.840.113556.1.4.2309");
        e.addAttribute("supportedLDAPVersion", "3", "2");
        e.addAttribute("supportedLDAPPolicies", "MaxPoolThreads", "MaxPercentDirSyncRequests", "MaxDatagramRecv",
                "MaxReceiveBuffer", "InitRecvTimeout", "MaxConnections", "MaxConnIdleTime", "MaxPageSize",
                "MaxBatchReturnMessages", "MaxQueryDuration", "MaxDirSyncDuration", "MaxTempTableSize",
                "MaxResultSetSize", "MinResultSets", "MaxResultSetsPerConn", "MaxNotificationPerConn", "MaxValRange",
                "MaxValRangeTransitive", "ThreadMemoryLimit", "SystemMemoryLimitPercent");
        e.addAttribute("highestCommittedUSN", "184467");
        e.addAttribute("supportedSASLMechanisms", "GSSAPI", "GSS-SPNEGO", "EXTERNAL", "DIGEST-MD5");
        e.addAttribute("dnsHostName", names.fqdn(dc.name()));
        e.addAttribute("ldapServiceName", names.dnsName() + ":" + dc.name().toLowerCase(Locale.ROOT) + "$@"
                + names.dnsName().toUpperCase(Locale.ROOT));
        e.addAttribute("serverName", dc.serverDn(names));
        e.addAttribute("supportedCapabilities", "1.2.840.113556.1.4.800", "1.2.840.113556.1.4.1670",
                "1.2.840.113556.1.4.1791", "1.2.840.113556.1.4.1935", "1.2.840.113556.1.4.2080",
                "1.2.840.113556.1.4.2237");
        e.addAttribute("isSynchronized", "TRUE");
        e.addAttribute("isGlobalCatalogReady", "TRUE");
        e.addAttribute("domainFunctionality", Integer.toString(settings.domainFunctionality()));
        e.addAttribute("forestFunctionality", Integer.toString(settings.forestFunctionality()));
        e.addAttribute("domainControllerFunctionality", Integer.toString(dc.functionality()));
        return e;
    }

    /**
     * Writes the naming-context heads, the default containers of the domain, the default foreign security
     * principals, the configuration and schema partitions and the DNS partitions.
     */
    public void writeInfrastructure(EntrySink sink) throws LDAPException {
        Instant t0 = settings.created();
        sink.add(domainHead());
        Instant dnsCreated = settings.dnsPartitionsCreated().orElse(t0);
        for (String cn : List.of("Users", "Computers")) {
            sink.add(ad.container(names.domainDn(), cn, t0).set("description", "Default container for upgraded "
                    + (cn.equals("Users") ? "user" : "computer") + " accounts").set("isCriticalSystemObject", "TRUE"));
        }
        sink.add(ad.object(names.builtinDn(), t0, "Builtin-Domain", "top", "builtinDomain").set("cn", "Builtin")
                .sids("objectSid", "S-1-5-32").set("isCriticalSystemObject", "TRUE"));
        sink.add(ad.organizationalUnit(names.domainDn(), "Domain Controllers", t0)
                .set("description", "Default container for domain controllers").set("isCriticalSystemObject", "TRUE"));
        sink.add(ad.container(names.domainDn(), "System", t0).set("description", "Builtin system settings"));
        sink.add(ad.container(names.systemDn(), "AdminSDHolder", t0));
        sink.add(ad.container(names.systemDn(), "Policies", t0));
        sink.add(ad.container(names.domainDn(), "ForeignSecurityPrincipals", t0)
                .set("description", "Default container for security identifiers (SIDs) associated with objects "
                        + "from external, trusted domains"));
        sink.add(ad.container(names.domainDn(), "Managed Service Accounts", t0)
                .set("description", "Default container for managed service accounts"));
        sink.add(ad.container(names.domainDn(), "Program Data", t0)
                .set("description", "Default location for storage of application data."));
        for (String sid : List.of("S-1-5-4", "S-1-5-9", "S-1-5-11", "S-1-5-17")) {
            sink.add(ad.foreignSecurityPrincipal(sid, t0));
        }
        writeConfiguration(sink);
        writeSchema(sink);
        for (String nc : List.of(names.domainDnsZonesDn(), names.forestDnsZonesDn())) {
            String dc = nc.substring(3, nc.indexOf(','));
            sink.add(ad.object(nc, dnsCreated, "Domain-DNS", "top", "domain", "domainDNS").set("dc", dc)
                    .binary("replPropertyMetaData", ReplPropertyMetaDataEncoder.encode(headStamps(dnsCreated,
                            false))));
            sink.add(ad.container(nc, "MicrosoftDNS", dnsCreated));
        }
    }

    private AdObject domainHead() {
        ForestSettings.DomainPolicy p = settings.policy();
        DomainControllerSpec pdc = settings.answeringDc();
        Duration maxAge = p.maxPwdAge();
        return ad.object(names.domainDn(), settings.created(), "Domain-DNS", "top", "domain", "domainDNS")
                .set("dc", names.dnsName().substring(0, names.dnsName().indexOf('.')))
                .sids("objectSid", names.domainSid())
                .set("minPwdLength", p.minPwdLength())
                .set("pwdHistoryLength", p.pwdHistoryLength())
                .set("maxPwdAge", maxAge.isZero() ? AdTimes.NEVER_INTERVAL : AdTimes.negativeInterval(maxAge))
                .set("minPwdAge", AdTimes.negativeInterval(Duration.ofDays(1)))
                .set("pwdProperties", p.pwdProperties())
                .set("lockoutThreshold", p.lockoutThreshold())
                .set("lockoutDuration", AdTimes.negativeInterval(Duration.ofMinutes(30)))
                .set("lockOutObservationWindow", AdTimes.negativeInterval(Duration.ofMinutes(30)))
                .set("forceLogoff", AdTimes.NEVER_INTERVAL)
                .set("ms-DS-MachineAccountQuota", p.machineAccountQuota())
                .set("msDS-Behavior-Version", settings.domainFunctionality())
                .set("nTMixedDomain", 0)
                .set("creationTime", AdTimes.fileTime(settings.created()))
                .set("fSMORoleOwner", pdc.ntdsSettingsDn(names))
                .set("gPLink", "[LDAP://CN=" + DEFAULT_DOMAIN_POLICY + ",CN=Policies,CN=System," + names.domainDn()
                        + ";0]")
                .set("isCriticalSystemObject", "TRUE")
                .binary("replPropertyMetaData", ReplPropertyMetaDataEncoder.encode(headStamps(settings.created(),
                        true)));
    }

    /**
     * replPropertyMetaData of a naming-context head created at {@code t0}: stamps from its creation, and a
     * dSASignature stamp rewritten by the last AD-aware backup of the first DC (version = number of backups, the
     * originating DC = the one backed up), or left at version 1 from creation when the partition was never backed
     * up (no backup, or created after the last one).
     */
    List<Stamp> headStamps(Instant t0, boolean domainHead) {
        UUID pdc = settings.answeringDc().invocationId();
        List<Stamp> out = new ArrayList<>();
        out.add(new Stamp(ReplPropertyMetaDataEncoder.OBJECT_CLASS, 1, t0, pdc, 4100, 4100));
        out.add(new Stamp(ReplPropertyMetaDataEncoder.INSTANCE_TYPE, 1, t0, pdc, 4100, 4100));
        out.add(new Stamp(ReplPropertyMetaDataEncoder.WHEN_CREATED, 1, t0, pdc, 4100, 4100));
        out.add(new Stamp(ReplPropertyMetaDataEncoder.NT_SECURITY_DESCRIPTOR, 4, t0.plus(Duration.ofDays(3)), pdc,
                12544, 12544));
        boolean backedUp = settings.lastBackup().filter(b -> b.isAfter(t0)).isPresent();
        Instant backup = backedUp ? settings.lastBackup().get() : t0;
        int backups = backedUp ? (int) Math.max(2, Duration.between(t0, backup).toDays() / 30) : 1;
        out.add(new Stamp(ReplPropertyMetaDataEncoder.DSA_SIGNATURE, backups, backup, pdc, 150_000 + backups,
                150_000 + backups));
        out.add(new Stamp(ReplPropertyMetaDataEncoder.NAME, 1, t0, pdc, 4100, 4100));
        out.add(new Stamp(ReplPropertyMetaDataEncoder.OBJECT_GUID, 1, t0, pdc, 4100, 4100));
        if (domainHead) {
            out.add(new Stamp(ReplPropertyMetaDataEncoder.OBJECT_SID, 1, t0, pdc, 4100, 4100));
            out.add(new Stamp(ReplPropertyMetaDataEncoder.BEHAVIOR_VERSION, 2, t0.plus(Duration.ofDays(1)), pdc, 4200,
                    4200));
        }
        out.sort(Comparator.comparingLong(s -> s.attributeId() & 0xFFFF_FFFFL));
        return out;
    }

    private void writeConfiguration(EntrySink sink) throws LDAPException {
        Instant t0 = settings.created();
        String config = names.configurationDn();
        sink.add(ad.object(config, t0, "Configuration", "top", "configuration").set("cn", "Configuration")
                .binary("replPropertyMetaData", ReplPropertyMetaDataEncoder.encode(headStamps(t0, false))));
        String sites = "CN=Sites," + config;
        sink.add(ad.object(sites, t0, "Sites-Container", "top", "sitesContainer").set("cn", "Sites"));
        List<String> siteNames = settings.domainControllers().stream().map(DomainControllerSpec::site).distinct()
                .toList();
        for (String site : siteNames) {
            String siteDn = "CN=" + site + "," + sites;
            sink.add(ad.object(siteDn, t0, "Site", "top", "site").set("cn", site));
            sink.add(ad.object("CN=Servers," + siteDn, t0, "Servers-Container", "top", "serversContainer")
                    .set("cn", "Servers"));
        }
        for (DomainControllerSpec dc : settings.domainControllers()) {
            sink.add(ad.object(dc.serverDn(names), dc.created(), "Server", "top", "server").set("cn", dc.name())
                    .set("dNSHostName", names.fqdn(dc.name()))
                    .set("serverReference", dc.computerDn(names)));
            AdObject ntds = dc.readOnly()
                    ? ad.object(dc.ntdsSettingsDn(names), dc.created(), "NTDS-DSA-RO", "top", "applicationSettings",
                            "nTDSDSA", "nTDSDSARO").set("options", 0)
                    : ad.object(dc.ntdsSettingsDn(names), dc.created(), "NTDS-DSA", "top", "applicationSettings",
                            "nTDSDSA").set("options", 1);
            sink.add(ntds.set("cn", "NTDS Settings")
                    .binary("invocationId", GuidEncoder.encode(dc.invocationId()))
                    .set("msDS-Behavior-Version", dc.functionality())
                    .set("hasMasterNCs", names.domainDn(), names.configurationDn(), names.schemaDn())
                    .set("dMDLocation", names.schemaDn()));
        }
        String services = "CN=Services," + config;
        sink.add(ad.container(config, "Services", t0));
        sink.add(ad.container(services, "Windows NT", t0));
        String ds = "CN=Directory Service,CN=Windows NT," + services;
        AdObject directoryService = ad.object(ds, t0, "NTDS-Service", "top", "nTDSService").set("cn",
                "Directory Service");
        settings.dsHeuristics().ifPresent(h -> directoryService.set("dSHeuristics", h));
        settings.tombstoneLifetimeDays().ifPresent(d -> directoryService.set("tombstoneLifetime", d));
        sink.add(directoryService);
        sink.add(ad.container(ds, "Optional Features", t0));
        sink.add(ad.object(RECYCLE_BIN_FEATURE + config, t0, "ms-DS-Optional-Feature", "top",
                "msDS-OptionalFeature").set("cn", "Recycle Bin Feature")
                .binary("msDS-OptionalFeatureGUID", GuidEncoder.encode(
                        UUID.fromString("766ddcd8-acd0-445e-f3b9-a7f9b6744f2a")))
                .set("msDS-OptionalFeatureFlags", 1)
                .set("msDS-RequiredForestBehaviorVersion", 4));
        String partitions = "CN=Partitions," + config;
        AdObject partitionsObject = ad.object(partitions, t0, "Cross-Ref-Container", "top", "crossRefContainer")
                .set("cn", "Partitions")
                .set("msDS-Behavior-Version", settings.forestFunctionality())
                .set("fSMORoleOwner", settings.answeringDc().ntdsSettingsDn(names));
        if (settings.recycleBinEnabled()) {
            partitionsObject.set("msDS-EnabledFeature", RECYCLE_BIN_FEATURE + config);
        }
        sink.add(partitionsObject);
        sink.add(ad.object("CN=" + names.netbiosName() + "," + partitions, t0, "Cross-Ref", "top", "crossRef")
                .set("cn", names.netbiosName()).set("nCName", names.domainDn()).set("dnsRoot", names.dnsName())
                .set("nETBIOSName", names.netbiosName()).set("systemFlags", 3));
        sink.add(ad.object("CN=Enterprise Configuration," + partitions, t0, "Cross-Ref", "top", "crossRef")
                .set("cn", "Enterprise Configuration").set("nCName", names.configurationDn())
                .set("dnsRoot", names.dnsName()).set("systemFlags", 1));
        sink.add(ad.object("CN=Enterprise Schema," + partitions, t0, "Cross-Ref", "top", "crossRef")
                .set("cn", "Enterprise Schema").set("nCName", names.schemaDn())
                .set("dnsRoot", names.dnsName()).set("systemFlags", 1));
    }

    /** cn, lDAPDisplayName, attributeID, attributeSyntax, single-valued. */
    private static final String[][] ATTRIBUTES = {
        {"Common-Name", "cn", "2.5.4.3", "2.5.5.12", "TRUE"},
        {"SAM-Account-Name", "sAMAccountName", "1.2.840.113556.1.4.221", "2.5.5.12", "TRUE"},
        {"Object-Sid", "objectSid", "1.2.840.113556.1.4.146", "2.5.5.17", "TRUE"},
        {"SID-History", "sIDHistory", "1.2.840.113556.1.4.609", "2.5.5.17", "FALSE"},
        {"User-Account-Control", "userAccountControl", "1.2.840.113556.1.4.8", "2.5.5.9", "TRUE"},
        {"Primary-Group-ID", "primaryGroupID", "1.2.840.113556.1.4.98", "2.5.5.9", "TRUE"},
        {"Pwd-Last-Set", "pwdLastSet", "1.2.840.113556.1.4.96", "2.5.5.16", "TRUE"},
        {"Last-Logon-Timestamp", "lastLogonTimestamp", "1.2.840.113556.1.4.1696", "2.5.5.16", "TRUE"},
        {"When-Created", "whenCreated", "1.2.840.113556.1.2.2", "2.5.5.11", "TRUE"},
        {"Admin-Count", "adminCount", "1.2.840.113556.1.4.150", "2.5.5.9", "TRUE"},
        {"Member", "member", "2.5.4.31", "2.5.5.1", "FALSE"},
        {"Service-Principal-Name", "servicePrincipalName", "1.2.840.113556.1.4.771", "2.5.5.12", "FALSE"},
        {"ms-DS-Allowed-To-Delegate-To", "msDS-AllowedToDelegateTo", "1.2.840.113556.1.4.1787", "2.5.5.12",
            "FALSE"},
        {"ms-DS-Allowed-To-Act-On-Behalf-Of-Other-Identity", "msDS-AllowedToActOnBehalfOfOtherIdentity",
            "1.2.840.113556.1.4.2182", "2.5.5.15", "TRUE"},
        {"ms-DS-Supported-Encryption-Types", "msDS-SupportedEncryptionTypes", "1.2.840.113556.1.4.1963",
            "2.5.5.9", "TRUE"},
        {"Operating-System", "operatingSystem", "1.2.840.113556.1.4.363", "2.5.5.12", "TRUE"},
        {"Operating-System-Version", "operatingSystemVersion", "1.2.840.113556.1.4.365", "2.5.5.12", "TRUE"},
        {"DNS-Host-Name", "dNSHostName", "1.2.840.113556.1.4.619", "2.5.5.12", "TRUE"},
        {"Description", "description", "2.5.4.13", "2.5.5.12", "FALSE"},
        {"Trust-Attributes", "trustAttributes", "1.2.840.113556.1.4.470", "2.5.5.9", "TRUE"},
        {"DS-Heuristics", "dSHeuristics", "1.2.840.113556.1.2.212", "2.5.5.12", "TRUE"},
        {"ms-Mcs-AdmPwd", "ms-Mcs-AdmPwd",
            "1.2.840.113556.1.8000.2554.50051.45980.28112.18903.35903.6685103.1224907.2.1", "2.5.5.5", "TRUE"},
        {"ms-Mcs-AdmPwdExpirationTime", "ms-Mcs-AdmPwdExpirationTime",
            "1.2.840.113556.1.8000.2554.50051.45980.28112.18903.35903.6685103.1224907.2.2", "2.5.5.16", "TRUE"},
        {"ms-LAPS-Password-Expiration-Time", "msLAPS-PasswordExpirationTime", "1.2.840.113556.1.6.44.1.1",
            "2.5.5.16", "TRUE"},
        {"ms-LAPS-Password", "msLAPS-Password", "1.2.840.113556.1.6.44.1.2", "2.5.5.12", "TRUE"},
        {"ms-LAPS-Encrypted-Password", "msLAPS-EncryptedPassword", "1.2.840.113556.1.6.44.1.3", "2.5.5.10", "TRUE"},
        {"ms-LAPS-Encrypted-Password-History", "msLAPS-EncryptedPasswordHistory", "1.2.840.113556.1.6.44.1.4",
            "2.5.5.10", "FALSE"},
        {"ms-LAPS-Encrypted-DSRM-Password", "msLAPS-EncryptedDSRMPassword", "1.2.840.113556.1.6.44.1.5", "2.5.5.10",
            "TRUE"},
        {"ms-LAPS-Encrypted-DSRM-Password-History", "msLAPS-EncryptedDSRMPasswordHistory",
            "1.2.840.113556.1.6.44.1.6", "2.5.5.10", "FALSE"},
    };

    /** cn, lDAPDisplayName, governsID. */
    private static final String[][] CLASSES = {
        {"Person", "person", "2.5.6.6"},
        {"User", "user", "1.2.840.113556.1.5.9"},
        {"Computer", "computer", "1.2.840.113556.1.3.30"},
        {"Group", "group", "1.2.840.113556.1.5.8"},
        {"Organizational-Unit", "organizationalUnit", "2.5.6.5"},
        {"Container", "container", "1.2.840.113556.1.3.23"},
        {"Foreign-Security-Principal", "foreignSecurityPrincipal", "1.2.840.113556.1.5.76"},
        {"Trusted-Domain", "trustedDomain", "1.2.840.113556.1.3.6"},
        {"ms-DS-Group-Managed-Service-Account", "msDS-GroupManagedServiceAccount", "1.2.840.113556.1.5.282"},
        {"Domain-DNS", "domainDNS", "1.2.840.113556.1.5.67"},
        {"Builtin-Domain", "builtinDomain", "1.2.840.113556.1.5.4"},
        {"Configuration", "configuration", "1.2.840.113556.1.5.12"},
        {"DMD", "dMD", "1.2.840.113556.1.3.9"},
        {"Sites-Container", "sitesContainer", "1.2.840.113556.1.5.107"},
        {"Site", "site", "1.2.840.113556.1.3.46"},
        {"Servers-Container", "serversContainer", "1.2.840.113556.1.5.7000.48"},
        {"Server", "server", "1.2.840.113556.1.5.17"},
        {"NTDS-DSA", "nTDSDSA", "1.2.840.113556.1.5.7000.47"},
        {"NTDS-DSA-RO", "nTDSDSARO", "1.2.840.113556.1.5.254"},
        {"NTDS-Service", "nTDSService", "1.2.840.113556.1.5.72"},
        {"Cross-Ref-Container", "crossRefContainer", "1.2.840.113556.1.5.7000.53"},
        {"Cross-Ref", "crossRef", "1.2.840.113556.1.3.11"},
        {"ms-DS-Optional-Feature", "msDS-OptionalFeature", "1.2.840.113556.1.5.265"},
        {"Attribute-Schema", "attributeSchema", "1.2.840.113556.1.3.14"},
        {"Class-Schema", "classSchema", "1.2.840.113556.1.3.13"},
        {"SubSchema", "subSchema", "2.5.20.1"},
    };

    private void writeSchema(EntrySink sink) throws LDAPException {
        Instant t0 = settings.created();
        String schema = names.schemaDn();
        sink.add(ad.object(schema, t0, "DMD", "top", "dMD").set("cn", "Schema").set("objectVersion", 87)
                .binary("replPropertyMetaData", ReplPropertyMetaDataEncoder.encode(headStamps(t0, false))));
        sink.add(ad.object("CN=Aggregate," + schema, t0, "SubSchema", "top", "subSchema").set("cn", "Aggregate"));
        for (String[] a : ATTRIBUTES) {
            boolean legacyLaps = LAPS_LEGACY_ATTRIBUTES.contains(a[1]);
            boolean windowsLaps = LAPS_WINDOWS_ATTRIBUTES.contains(a[1]);
            if ((legacyLaps && !settings.lapsLegacySchema()) || (windowsLaps && !settings.lapsWindowsSchema())) {
                continue;
            }
            sink.add(ad.object("CN=" + a[0] + "," + schema, t0, "Attribute-Schema", "top", "attributeSchema")
                    .set("cn", a[0]).set("lDAPDisplayName", a[1]).set("attributeID", a[2])
                    .set("attributeSyntax", a[3]).set("isSingleValued", a[4])
                    .binary("schemaIDGUID", GuidEncoder.encode(UUID.nameUUIDFromBytes(a[2].getBytes(
                            java.nio.charset.StandardCharsets.US_ASCII)))));
        }
        for (String[] c : CLASSES) {
            sink.add(ad.object("CN=" + c[0] + "," + schema, t0, "Class-Schema", "top", "classSchema")
                    .set("cn", c[0]).set("lDAPDisplayName", c[1]).set("governsID", c[2])
                    .set("defaultObjectCategory", names.category(c[0].equals("User") ? "Person" : c[0])));
        }
    }

    /** The built-in Administrator (RID 500): enabled, password never expires, as after promotion. */
    public AdObject administrator() {
        return ad.user(names.usersDn(), "Administrator", "Administrator", 500, settings.created())
                .uac(0x10200)
                .description("Built-in account for administering the computer/domain")
                .adminCount()
                .set("isCriticalSystemObject", "TRUE");
    }

    /** The built-in Guest (RID 501): disabled, no password required, as AD creates it. */
    public AdObject guest() {
        return ad.user(names.usersDn(), "Guest", "Guest", 501, settings.created())
                .uac(0x10222)
                .primaryGroup(514)
                .remove("pwdLastSet")
                .set("pwdLastSet", 0)
                .description("Built-in account for guest access to the computer/domain")
                .set("isCriticalSystemObject", "TRUE");
    }

    /** krbtgt (RID 502): disabled, its password set when the domain was created. */
    public AdObject krbtgt() {
        return ad.user(names.usersDn(), "krbtgt", "krbtgt", 502, settings.created())
                .uac(0x0202)
                .description("Key Distribution Center Service Account")
                .adminCount()
                .spns("kadmin/changepw")
                .set("isCriticalSystemObject", "TRUE");
    }

    public String administratorDn() {
        return "CN=Administrator," + names.usersDn();
    }

    public String guestDn() {
        return "CN=Guest," + names.usersDn();
    }

    public String krbtgtDn() {
        return "CN=krbtgt," + names.usersDn();
    }

    /** DN of the foreign security principal for a SID. */
    public String foreignPrincipalDn(String sid) {
        return "CN=" + sid + "," + names.foreignPrincipalsDn();
    }

    /** The members AD gives each well-known group in a new forest root domain. */
    public List<String> defaultMembers(WellKnownGroup group) {
        return switch (group) {
            case ADMINISTRATORS -> List.of(administratorDn(), WellKnownGroup.DOMAIN_ADMINS.dn(names),
                    WellKnownGroup.ENTERPRISE_ADMINS.dn(names));
            case USERS -> List.of(foreignPrincipalDn("S-1-5-4"), foreignPrincipalDn("S-1-5-11"),
                    WellKnownGroup.DOMAIN_USERS.dn(names));
            case GUESTS -> List.of(guestDn(), WellKnownGroup.DOMAIN_GUESTS.dn(names));
            case PRE_WINDOWS_2000 -> List.of(foreignPrincipalDn("S-1-5-11"));
            case WINDOWS_AUTHORIZATION_ACCESS -> List.of(foreignPrincipalDn("S-1-5-9"));
            case IIS_IUSRS -> List.of(foreignPrincipalDn("S-1-5-17"));
            case DOMAIN_ADMINS, SCHEMA_ADMINS, ENTERPRISE_ADMINS, GROUP_POLICY_CREATOR_OWNERS ->
                    List.of(administratorDn());
            case DENIED_RODC_PASSWORD_REPLICATION -> List.of(WellKnownGroup.CERT_PUBLISHERS.dn(names),
                    WellKnownGroup.DOMAIN_ADMINS.dn(names), WellKnownGroup.ENTERPRISE_ADMINS.dn(names),
                    WellKnownGroup.SCHEMA_ADMINS.dn(names), WellKnownGroup.DOMAIN_CONTROLLERS.dn(names),
                    WellKnownGroup.READ_ONLY_DOMAIN_CONTROLLERS.dn(names),
                    WellKnownGroup.GROUP_POLICY_CREATOR_OWNERS.dn(names), krbtgtDn());
            default -> List.of();
        };
    }

    /**
     * Writes every well-known group with its default members followed by the extra ones.
     *
     * @param extraMembers DNs to add per group (may omit groups)
     */
    public void writeWellKnownGroups(EntrySink sink, Map<WellKnownGroup, List<String>> extraMembers)
            throws LDAPException {
        for (WellKnownGroup g : WellKnownGroup.values()) {
            List<String> members = new ArrayList<>(defaultMembers(g));
            for (String extra : extraMembers.getOrDefault(g, List.of())) {
                if (!members.contains(extra)) {
                    members.add(extra);
                }
            }
            AdObject group = ad.group(g.builtin() ? names.builtinDn() : names.usersDn(), g.cn(), g.sid(names),
                    g.groupType(), settings.created()).description(g.description()).members(members);
            if (g != WellKnownGroup.DNS_ADMINS && g != WellKnownGroup.DNS_UPDATE_PROXY) {
                group.set("isCriticalSystemObject", "TRUE");
            }
            if (List.of(WellKnownGroup.ADMINISTRATORS, WellKnownGroup.ACCOUNT_OPERATORS,
                    WellKnownGroup.SERVER_OPERATORS, WellKnownGroup.PRINT_OPERATORS, WellKnownGroup.BACKUP_OPERATORS,
                    WellKnownGroup.REPLICATOR, WellKnownGroup.DOMAIN_ADMINS, WellKnownGroup.SCHEMA_ADMINS,
                    WellKnownGroup.ENTERPRISE_ADMINS, WellKnownGroup.DOMAIN_CONTROLLERS,
                    WellKnownGroup.READ_ONLY_DOMAIN_CONTROLLERS, WellKnownGroup.KEY_ADMINS,
                    WellKnownGroup.ENTERPRISE_KEY_ADMINS).contains(g)) {
                group.adminCount();
            }
            sink.add(group);
        }
    }
}
