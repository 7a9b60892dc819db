package fr.vigie.checks.backup.host;

import fr.vigie.snapshot.Sids;
import fr.vigie.snapshot.host.AccessEntry;
import fr.vigie.snapshot.host.AccessRights;
import fr.vigie.snapshot.host.AceType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongPredicate;

/**
 * Trustees that stand for "nearly everybody": Everyone (S-1-1-0), Anonymous (S-1-5-7), Authenticated Users
 * (S-1-5-11), Users (S-1-5-32-545), Guests (S-1-5-32-546), and the domain's (or machine's) Guest account (-501),
 * Domain Users (-513), Domain Guests (-514) and Domain Computers (-515). Stateless.
 */
final class WideTrustees {
    static final String USERS = "S-1-5-32-545";
    static final String GUESTS = "S-1-5-32-546";

    private WideTrustees() {}

    /** The display name of a wide SID, or empty when the SID is not wide. */
    static Optional<String> wide(String sid) {
        switch (sid) {
            case Sids.EVERYONE: return Optional.of("Everyone");
            case Sids.ANONYMOUS: return Optional.of("Anonymous Logon");
            case Sids.AUTHENTICATED_USERS: return Optional.of("Authenticated Users");
            case USERS: return Optional.of("Users");
            case GUESTS: return Optional.of("Guests");
            default: break;
        }
        if (sid.startsWith("S-1-5-21-")) {
            long rid = Sids.rid(sid);
            if (rid == Sids.RID_GUEST) {
                return Optional.of("Guest");
            }
            if (rid == Sids.RID_DOMAIN_USERS) {
                return Optional.of("Domain Users");
            }
            if (rid == Sids.RID_DOMAIN_GUESTS) {
                return Optional.of("Domain Guests");
            }
            if (rid == Sids.RID_DOMAIN_COMPUTERS) {
                return Optional.of("Domain Computers");
            }
        }
        return Optional.empty();
    }

    /**
     * The effective access mask of each wide trustee of a DACL: its allowed bits minus its denied bits (deny entries
     * of other trustees are not taken into account: group membership is not known here). Inherit-only entries
     * count: they apply to the files and folders below.
     */
    static Map<AccessEntry, Long> effective(List<AccessEntry> acl) {
        Map<String, Long> allowed = new LinkedHashMap<>();
        Map<String, Long> denied = new LinkedHashMap<>();
        Map<String, AccessEntry> first = new LinkedHashMap<>();
        for (AccessEntry e : acl) {
            if (wide(e.trusteeSid()).isEmpty()) {
                continue;
            }
            String key = e.trusteeSid().toUpperCase(Locale.ROOT);
            if (e.type() == AceType.ALLOW) {
                allowed.merge(key, e.accessMask(), (a, b) -> a | b);
                first.putIfAbsent(key, e);
            } else if (e.type() == AceType.DENY) {
                denied.merge(key, e.accessMask(), (a, b) -> a | b);
            }
        }
        Map<AccessEntry, Long> out = new LinkedHashMap<>();
        allowed.forEach((sid, mask) -> out.put(first.get(sid), mask & ~denied.getOrDefault(sid, 0L)));
        return out;
    }

    /**
     * The wide trustees of a DACL whose {@link #effective} mask passes {@code grants} (e.g.
     * {@link AccessRights#grantsWrite}), in DACL order, each as {@code trustee: rights}, e.g.
     * {@code Everyone (S-1-1-0): FullControl}.
     */
    static List<String> granting(List<AccessEntry> acl, LongPredicate grants) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<AccessEntry, Long> e : effective(acl).entrySet()) {
            if (grants.test(e.getValue())) {
                out.add(display(e.getKey()) + ": " + String.join(",", AccessRights.describe(e.getValue())));
            }
        }
        return out;
    }

    /** The entry's trustee for display, with the well-known name when the host did not resolve it. */
    static String display(AccessEntry e) {
        if (!e.trusteeName().isEmpty()) {
            return e.trustee();
        }
        return wide(e.trusteeSid()).map(n -> n + " (" + e.trusteeSid() + ")").orElse(e.trusteeSid());
    }
}
