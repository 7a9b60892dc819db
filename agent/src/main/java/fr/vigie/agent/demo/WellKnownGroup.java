package fr.vigie.agent.demo;

/**
 * The groups every AD domain has (Builtin and CN=Users), with their SIDs, group types and AD's default
 * descriptions. DnsAdmins and DnsUpdateProxy get the RIDs the DNS role usually gives them (1101, 1102).
 */
public enum WellKnownGroup {
    ADMINISTRATORS(true, 544, "Administrators",
            "Administrators have complete and unrestricted access to the computer/domain"),
    USERS(true, 545, "Users", "Users are prevented from making accidental or intentional system-wide changes"),
    GUESTS(true, 546, "Guests", "Guests have the same access as members of the Users group by default"),
    ACCOUNT_OPERATORS(true, 548, "Account Operators", "Members can administer domain user and group accounts"),
    SERVER_OPERATORS(true, 549, "Server Operators", "Members can administer domain servers"),
    PRINT_OPERATORS(true, 550, "Print Operators", "Members can administer printers installed on domain controllers"),
    BACKUP_OPERATORS(true, 551, "Backup Operators",
            "Backup Operators can override security restrictions for the sole purpose of backing up or restoring "
            + "files"),
    REPLICATOR(true, 552, "Replicator", "Supports file replication in a domain"),
    PRE_WINDOWS_2000(true, 554, "Pre-Windows 2000 Compatible Access",
            "A backward compatibility group which allows read access on all users and groups in the domain"),
    REMOTE_DESKTOP_USERS(true, 555, "Remote Desktop Users",
            "Members in this group are granted the right to logon remotely"),
    WINDOWS_AUTHORIZATION_ACCESS(true, 560, "Windows Authorization Access Group",
            "Members of this group have access to the computed tokenGroupsGlobalAndUniversal attribute on User "
            + "objects"),
    IIS_IUSRS(true, 568, "IIS_IUSRS", "Built-in group used by Internet Information Services."),
    DOMAIN_ADMINS(false, 512, "Domain Admins", "Designated administrators of the domain"),
    DOMAIN_USERS(false, 513, "Domain Users", "All domain users"),
    DOMAIN_GUESTS(false, 514, "Domain Guests", "All domain guests"),
    DOMAIN_COMPUTERS(false, 515, "Domain Computers", "All workstations and servers joined to the domain"),
    DOMAIN_CONTROLLERS(false, 516, "Domain Controllers", "All domain controllers in the domain"),
    CERT_PUBLISHERS(false, 517, "Cert Publishers",
            "Members of this group are permitted to publish certificates to the directory"),
    SCHEMA_ADMINS(false, 518, "Schema Admins", "Designated administrators of the schema"),
    ENTERPRISE_ADMINS(false, 519, "Enterprise Admins", "Designated administrators of the enterprise"),
    GROUP_POLICY_CREATOR_OWNERS(false, 520, "Group Policy Creator Owners",
            "Members in this group can modify group policy for the domain"),
    READ_ONLY_DOMAIN_CONTROLLERS(false, 521, "Read-only Domain Controllers",
            "Members of this group are Read-Only Domain Controllers in the domain"),
    CLONEABLE_DOMAIN_CONTROLLERS(false, 522, "Cloneable Domain Controllers",
            "Members of this group that are domain controllers may be cloned."),
    PROTECTED_USERS(false, 525, "Protected Users",
            "Members of this group are afforded additional protections against authentication security threats."),
    KEY_ADMINS(false, 526, "Key Admins",
            "Members of this group can perform administrative actions on key objects within the domain."),
    ENTERPRISE_KEY_ADMINS(false, 527, "Enterprise Key Admins",
            "Members of this group can perform administrative actions on key objects within the forest."),
    RAS_AND_IAS_SERVERS(false, 553, "RAS and IAS Servers",
            "Servers in this group can access remote access properties of users"),
    ALLOWED_RODC_PASSWORD_REPLICATION(false, 571, "Allowed RODC Password Replication Group",
            "Members in this group can have their passwords replicated to all read-only domain controllers in the "
            + "domain"),
    DENIED_RODC_PASSWORD_REPLICATION(false, 572, "Denied RODC Password Replication Group",
            "Members in this group cannot have their passwords replicated to any read-only domain controllers in the "
            + "domain"),
    DNS_ADMINS(false, 1101, "DnsAdmins", "DNS Administrators Group"),
    DNS_UPDATE_PROXY(false, 1102, "DnsUpdateProxy",
            "DNS clients who are permitted to perform dynamic updates on behalf of some other clients (such as DHCP "
            + "servers).");

    private final boolean builtin;
    private final int rid;
    private final String cn;
    private final String description;

    WellKnownGroup(boolean builtin, int rid, String cn, String description) {
        this.builtin = builtin;
        this.rid = rid;
        this.cn = cn;
        this.description = description;
    }

    public boolean builtin() {
        return builtin;
    }

    public int rid() {
        return rid;
    }

    public String cn() {
        return cn;
    }

    public String description() {
        return description;
    }

    /** S-1-5-32-x for Builtin groups, the domain SID plus the RID otherwise. */
    public String sid(DomainNames names) {
        return builtin ? "S-1-5-32-" + rid : names.sid(rid);
    }

    public String dn(DomainNames names) {
        return "CN=" + cn + "," + (builtin ? names.builtinDn() : names.usersDn());
    }

    /** AD's group type for this group. */
    public int groupType() {
        if (builtin) {
            return AdEntries.BUILTIN_LOCAL_SECURITY;
        }
        return switch (this) {
            case SCHEMA_ADMINS, ENTERPRISE_ADMINS, ENTERPRISE_KEY_ADMINS -> AdEntries.UNIVERSAL_SECURITY;
            case CERT_PUBLISHERS, RAS_AND_IAS_SERVERS, ALLOWED_RODC_PASSWORD_REPLICATION,
                    DENIED_RODC_PASSWORD_REPLICATION, DNS_ADMINS -> AdEntries.DOMAIN_LOCAL_SECURITY;
            default -> AdEntries.GLOBAL_SECURITY;
        };
    }
}
