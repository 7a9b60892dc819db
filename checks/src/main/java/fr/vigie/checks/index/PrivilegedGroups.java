package fr.vigie.checks.index;

import fr.vigie.snapshot.Group;
import fr.vigie.snapshot.Sids;
import java.util.Set;

/** Which groups make their members privileged (ANSSI "vuln_privileged_members" list). */
public final class PrivilegedGroups {
    /** Builtin groups, by SID. */
    public static final Set<String> BUILTIN = Set.of(
            Sids.ADMINISTRATORS, Sids.ACCOUNT_OPERATORS, Sids.SERVER_OPERATORS, Sids.PRINT_OPERATORS,
            Sids.BACKUP_OPERATORS, Sids.REPLICATOR);
    /** Domain groups, by RID. */
    public static final Set<Integer> DOMAIN_RIDS = Set.of(
            Sids.RID_DOMAIN_ADMINS, Sids.RID_DOMAIN_CONTROLLERS, Sids.RID_SCHEMA_ADMINS, Sids.RID_ENTERPRISE_ADMINS,
            Sids.RID_CERT_PUBLISHERS, Sids.RID_KEY_ADMINS, Sids.RID_ENTERPRISE_KEY_ADMINS,
            Sids.RID_GROUP_POLICY_CREATOR_OWNERS);
    /** DnsAdmins has no well-known RID: it is recognised by name. */
    public static final String DNS_ADMINS = "DnsAdmins";

    private PrivilegedGroups() {}

    public static boolean isPrivileged(Group g, String domainSid) {
        if (BUILTIN.contains(g.sid())) {
            return true;
        }
        if (!domainSid.isEmpty() && Sids.domainOf(g.sid()).equals(domainSid)
                && DOMAIN_RIDS.contains((int) g.rid())) {
            return true;
        }
        return g.samAccountName().equalsIgnoreCase(DNS_ADMINS);
    }
}
