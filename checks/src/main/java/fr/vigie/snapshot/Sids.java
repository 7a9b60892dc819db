package fr.vigie.snapshot;

/** Helpers for SID strings (S-1-5-21-a-b-c-rid) and the well-known SIDs the checks use. */
public final class Sids {
    public static final String EVERYONE = "S-1-1-0";
    public static final String ANONYMOUS = "S-1-5-7";
    public static final String AUTHENTICATED_USERS = "S-1-5-11";
    public static final String ADMINISTRATORS = "S-1-5-32-544";
    public static final String ACCOUNT_OPERATORS = "S-1-5-32-548";
    public static final String SERVER_OPERATORS = "S-1-5-32-549";
    public static final String PRINT_OPERATORS = "S-1-5-32-550";
    public static final String BACKUP_OPERATORS = "S-1-5-32-551";
    public static final String REPLICATOR = "S-1-5-32-552";
    public static final String PRE_WINDOWS_2000 = "S-1-5-32-554";

    public static final int RID_ADMINISTRATOR = 500;
    public static final int RID_GUEST = 501;
    public static final int RID_KRBTGT = 502;
    public static final int RID_DOMAIN_ADMINS = 512;
    public static final int RID_DOMAIN_USERS = 513;
    public static final int RID_DOMAIN_GUESTS = 514;
    public static final int RID_DOMAIN_COMPUTERS = 515;
    public static final int RID_DOMAIN_CONTROLLERS = 516;
    public static final int RID_CERT_PUBLISHERS = 517;
    public static final int RID_SCHEMA_ADMINS = 518;
    public static final int RID_ENTERPRISE_ADMINS = 519;
    public static final int RID_GROUP_POLICY_CREATOR_OWNERS = 520;
    public static final int RID_READONLY_DOMAIN_CONTROLLERS = 521;
    public static final int RID_PROTECTED_USERS = 525;
    public static final int RID_KEY_ADMINS = 526;
    public static final int RID_ENTERPRISE_KEY_ADMINS = 527;

    private Sids() {}

    /** The last sub-authority, or -1 when the string is not a SID. */
    public static long rid(String sid) {
        if (sid == null) {
            return -1;
        }
        int i = sid.lastIndexOf('-');
        if (i < 0 || !sid.startsWith("S-")) {
            return -1;
        }
        try {
            return Long.parseLong(sid.substring(i + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The domain part of a domain SID (everything before the RID), or the input when it has no RID. */
    public static String domainOf(String sid) {
        int i = sid.lastIndexOf('-');
        return i < 0 ? sid : sid.substring(0, i);
    }

    /** {@code domainSid + "-" + rid}. */
    public static String of(String domainSid, long rid) {
        return domainSid + "-" + rid;
    }
}
