package fr.vigie.agent.demo;

import fr.vigie.agent.demo.encode.AdTimes;
import fr.vigie.agent.demo.encode.GuidEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * Makes the objects of one domain the way AD writes them: the objectClass chains, objectCategory, sAMAccountType,
 * the default userAccountControl and primaryGroupID, binary objectSid and objectGUID, USNs. Callers then set what
 * makes each object interesting. objectGUIDs are derived from the DN, so generation is reproducible. Not
 * thread-safe (it numbers USNs).
 */
public final class AdEntries {
    /** groupType of a global security group (0x80000002). */
    public static final int GLOBAL_SECURITY = 0x80000002;
    /** groupType of a domain-local security group (0x80000004). */
    public static final int DOMAIN_LOCAL_SECURITY = 0x80000004;
    /** groupType of a builtin local group (0x80000005). */
    public static final int BUILTIN_LOCAL_SECURITY = 0x80000005;
    /** groupType of a universal security group (0x80000008). */
    public static final int UNIVERSAL_SECURITY = 0x80000008;
    /** groupType of a global distribution group. */
    public static final int GLOBAL_DISTRIBUTION = 0x2;

    static final int SAM_GROUP_OBJECT = 0x10000000;
    static final int SAM_NON_SECURITY_GROUP_OBJECT = 0x10000001;
    static final int SAM_ALIAS_OBJECT = 0x20000000;
    static final int SAM_NON_SECURITY_ALIAS_OBJECT = 0x20000001;
    static final int SAM_USER_OBJECT = 0x30000000;
    static final int SAM_MACHINE_ACCOUNT = 0x30000001;
    static final int SAM_TRUST_ACCOUNT = 0x30000002;

    /** userAccountControl of a new enabled user: NORMAL_ACCOUNT. */
    public static final int UAC_NORMAL = 0x0200;
    /** userAccountControl of a joined workstation or member server: WORKSTATION_TRUST_ACCOUNT. */
    public static final int UAC_WORKSTATION = 0x1000;
    /** userAccountControl of a writable DC: SERVER_TRUST_ACCOUNT | TRUSTED_FOR_DELEGATION. */
    public static final int UAC_DOMAIN_CONTROLLER = 0x82000;
    /** msDS-SupportedEncryptionTypes of a Windows 7+ computer: RC4 | AES128 | AES256. */
    public static final int ENCTYPES_RC4_AES = 0x1C;

    private final DomainNames names;
    private long usn;

    /**
     * @param names    the domain
     * @param firstUsn USN given to the first object made
     */
    public AdEntries(DomainNames names, long firstUsn) {
        this.names = Objects.requireNonNull(names, "names");
        this.usn = firstUsn;
    }

    public DomainNames names() {
        return names;
    }

    /** A bare object with the attributes every AD object has. */
    public AdObject object(String dn, Instant created, String categoryCn, String... objectClasses) {
        AdObject o = new AdObject(dn, created);
        long u = usn++;
        o.set("objectClass", objectClasses)
                .set("name", rdnValue(dn))
                .set("instanceType", 4)
                .set("uSNCreated", u)
                .set("uSNChanged", u)
                .binary("objectGUID", GuidEncoder.encode(UUID.nameUUIDFromBytes(
                        dn.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8))))
                .set("objectCategory", names.category(categoryCn));
        return o;
    }

    public AdObject organizationalUnit(String parentDn, String name, Instant created) {
        return object("OU=" + name + "," + parentDn, created, "Organizational-Unit", "top", "organizationalUnit")
                .set("ou", name);
    }

    public AdObject container(String parentDn, String cn, Instant created) {
        return object("CN=" + cn + "," + parentDn, created, "Container", "top", "container").set("cn", cn);
    }

    /** An enabled user (NORMAL_ACCOUNT, primary group Domain Users) whose password was set at creation. */
    public AdObject user(String parentDn, String cn, String samAccountName, long rid, Instant created) {
        return object("CN=" + cn + "," + parentDn, created, "Person", "top", "person", "organizationalPerson", "user")
                .set("cn", cn)
                .set("sAMAccountName", samAccountName)
                .set("userPrincipalName", samAccountName + "@" + names.dnsName())
                .set("sAMAccountType", SAM_USER_OBJECT)
                .sids("objectSid", names.sid(rid))
                .uac(UAC_NORMAL)
                .primaryGroup(513)
                .set("accountExpires", AdTimes.NEVER)
                .pwdLastSet(created);
    }

    /**
     * A joined computer (WORKSTATION_TRUST_ACCOUNT, primary group Domain Computers) with its default SPNs and
     * dNSHostName.
     *
     * @param name NetBIOS name without the trailing $, e.g. {@code PC-URG-012}
     */
    public AdObject computer(String parentDn, String name, long rid, Instant created) {
        String fqdn = names.fqdn(name);
        return object("CN=" + name + "," + parentDn, created, "Computer", "top", "person", "organizationalPerson",
                "user", "computer")
                .set("cn", name)
                .set("sAMAccountName", name + "$")
                .set("sAMAccountType", SAM_MACHINE_ACCOUNT)
                .sids("objectSid", names.sid(rid))
                .uac(UAC_WORKSTATION)
                .primaryGroup(515)
                .set("accountExpires", AdTimes.NEVER)
                .set("dNSHostName", fqdn)
                .set("msDS-SupportedEncryptionTypes", ENCTYPES_RC4_AES)
                .spns("HOST/" + name, "HOST/" + fqdn, "RestrictedKrbHost/" + name, "RestrictedKrbHost/" + fqdn)
                .pwdLastSet(created);
    }

    /** A writable domain controller's computer account in OU=Domain Controllers (primary group 516). */
    public AdObject domainController(String name, long rid, Instant created) {
        String fqdn = names.fqdn(name);
        return computer(names.domainControllersDn(), name, rid, created)
                .uac(UAC_DOMAIN_CONTROLLER)
                .primaryGroup(516)
                .set("dNSHostName", fqdn)
                .spns("HOST/" + name, "HOST/" + fqdn, "HOST/" + fqdn + "/" + names.dnsName(),
                        "HOST/" + name + "/" + names.netbiosName(), "ldap/" + name, "ldap/" + fqdn,
                        "ldap/" + fqdn + "/" + names.dnsName(), "ldap/" + name + "/" + names.netbiosName(),
                        "GC/" + fqdn + "/" + names.dnsName(), "RestrictedKrbHost/" + name,
                        "RestrictedKrbHost/" + fqdn, "DNS/" + fqdn, "Dfsr-12F9A27C-BF97-4787-9364-D31B6C55EB04/" + fqdn,
                        "E3514235-4B06-11D1-AB04-00C04FC2DCD2/" + UUID.nameUUIDFromBytes(fqdn.getBytes(
                                StandardCharsets.UTF_8)) + "/" + names.dnsName());
    }

    /** userAccountControl of a read-only DC: WORKSTATION_TRUST_ACCOUNT | TRUSTED_TO_AUTH_FOR_DELEGATION |
     * PARTIAL_SECRETS_ACCOUNT. */
    public static final int UAC_READ_ONLY_DOMAIN_CONTROLLER = 0x5001000;

    /**
     * A read-only DC's computer account in OU=Domain Controllers (primary group 521, Read-only Domain Controllers),
     * linked to its own krbtgt account, with the default password replication policy.
     */
    public AdObject readOnlyDomainController(String name, long rid, Instant created, String krbtgtDn) {
        return domainController(name, rid, created)
                .uac(UAC_READ_ONLY_DOMAIN_CONTROLLER)
                .primaryGroup(521)
                .set("msDS-KrbTgtLink", krbtgtDn)
                .set("msDS-RevealOnDemandGroup", "CN=Allowed RODC Password Replication Group," + names.usersDn())
                .set("msDS-NeverRevealGroup", "CN=Denied RODC Password Replication Group," + names.usersDn(),
                        "CN=Account Operators," + names.builtinDn(), "CN=Server Operators," + names.builtinDn(),
                        "CN=Backup Operators," + names.builtinDn(), "CN=Administrators," + names.builtinDn());
    }

    /** The krbtgt_NNNNN account of a read-only DC: disabled, its password set at promotion. */
    public AdObject readOnlyKrbtgt(int number, String rodcDn, long rid, Instant created) {
        return user(names.usersDn(), "krbtgt_" + number, "krbtgt_" + number, rid, created)
                .uac(0x0202)
                .remove("userPrincipalName")
                .description("Key Distribution Center service account for read-only domain controller")
                .set("msDS-SecondaryKrbTgtNumber", number)
                .set("msDS-KrbTgtLinkBl", rodcDn);
    }

    /** A group managed service account in CN=Managed Service Accounts (a computer-derived class). */
    public AdObject groupManagedServiceAccount(String name, long rid, Instant created) {
        String fqdn = names.fqdn(name);
        return object("CN=" + name + "," + names.managedServiceAccountsDn(), created,
                "ms-DS-Group-Managed-Service-Account", "top", "person", "organizationalPerson", "user", "computer",
                "msDS-GroupManagedServiceAccount")
                .set("cn", name)
                .set("sAMAccountName", name + "$")
                .set("sAMAccountType", SAM_MACHINE_ACCOUNT)
                .sids("objectSid", names.sid(rid))
                .uac(UAC_WORKSTATION)
                .primaryGroup(515)
                .set("dNSHostName", fqdn)
                .set("msDS-SupportedEncryptionTypes", 0x18)
                .set("msDS-ManagedPasswordInterval", 30)
                .pwdLastSet(created);
    }

    /**
     * A security group.
     *
     * @param sid       full SID (domain groups: {@code names.sid(rid)}; builtin groups: {@code S-1-5-32-x})
     * @param groupType one of the constants of this class
     */
    public AdObject group(String parentDn, String cn, String sid, int groupType, Instant created) {
        boolean security = (groupType & 0x80000000) != 0;
        boolean local = (groupType & 0x4) != 0;
        int samType = local ? (security ? SAM_ALIAS_OBJECT : SAM_NON_SECURITY_ALIAS_OBJECT)
                : (security ? SAM_GROUP_OBJECT : SAM_NON_SECURITY_GROUP_OBJECT);
        return object("CN=" + cn + "," + parentDn, created, "Group", "top", "group")
                .set("cn", cn)
                .set("sAMAccountName", cn)
                .set("sAMAccountType", samType)
                .set("groupType", groupType)
                .sids("objectSid", sid);
    }

    /** CN=&lt;SID&gt;,CN=ForeignSecurityPrincipals: a principal from outside the domain. */
    public AdObject foreignSecurityPrincipal(String sid, Instant created) {
        return object("CN=" + sid + "," + names.foreignPrincipalsDn(), created, "Foreign-Security-Principal", "top",
                "foreignSecurityPrincipal").set("cn", sid).sids("objectSid", sid);
    }

    /**
     * A trustedDomain object in CN=System.
     *
     * @param direction  trustDirection: 1 inbound, 2 outbound, 3 bidirectional
     * @param type       trustType: 1 downlevel, 2 uplevel (AD)
     * @param attributes trustAttributes
     */
    public AdObject trustedDomain(String partnerDns, String flatName, String partnerSid, int direction, int type,
            int attributes, Instant created) {
        return object("CN=" + partnerDns + "," + names.systemDn(), created, "Trusted-Domain", "top", "leaf",
                "trustedDomain")
                .set("cn", partnerDns)
                .set("trustPartner", partnerDns)
                .set("flatName", flatName)
                .sids("securityIdentifier", partnerSid)
                .set("trustDirection", direction)
                .set("trustType", type)
                .set("trustAttributes", attributes)
                .set("trustPosixOffset", -2147483648L);
    }

    /** The interdomain trust account (FLATNAME$ in CN=Users) that the partner domain uses for a trust. */
    public AdObject interdomainTrustAccount(String flatName, long rid, Instant created) {
        return user(names.usersDn(), flatName + "$", flatName + "$", rid, created)
                .remove("userPrincipalName")
                .set("sAMAccountType", SAM_TRUST_ACCOUNT)
                .uac(0x0820);
    }

    static String rdnValue(String dn) {
        int eq = dn.indexOf('=');
        int end = eq;
        while (end < dn.length() && !(dn.charAt(end) == ',' && dn.charAt(end - 1) != '\\')) {
            end++;
        }
        return dn.substring(eq + 1, end).replace("\\,", ",");
    }
}
