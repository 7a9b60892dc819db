package fr.vigie.checks.anomalies;

import fr.vigie.checks.Check;
import fr.vigie.checks.CheckContext;
import fr.vigie.checks.Evidence;
import fr.vigie.snapshot.DataSource;
import fr.vigie.snapshot.DirectorySnapshot;
import fr.vigie.snapshot.ForeignPrincipal;
import fr.vigie.snapshot.Group;
import fr.vigie.snapshot.Sids;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Anonymous Logon (S-1-5-7) or Everyone (S-1-1-0) is a member of "Pre-Windows 2000 Compatible Access"
 * (S-1-5-32-554): anyone on the network, without an account, can then read users, groups and their attributes.
 * A member is recognised by its foreign security principal, or by a member DN whose CN is the SID (when the
 * foreign principals were not collected). One piece of evidence per such member. ANSSI vuln_compatible_2000_anonymous.
 */
public final class AnonymousPreWindows2000 implements Check {
    private static final Map<String, String> ANONYMOUS = Map.of(
            Sids.ANONYMOUS, "Anonymous Logon",
            Sids.EVERYONE, "Everyone");

    @Override
    public String ruleId() {
        return "anonymous-pre-windows-2000";
    }

    @Override
    public Set<DataSource> requires() {
        return Set.of(DataSource.GROUPS);
    }

    @Override
    public List<Evidence> evaluate(DirectorySnapshot snapshot, CheckContext context) {
        Optional<Group> group = context.index().groupBySid(Sids.PRE_WINDOWS_2000);
        if (group.isEmpty()) {
            return List.of();
        }
        Group g = group.get();
        List<Evidence> out = new ArrayList<>();
        for (String member : g.members()) {
            String sid = context.index().foreignPrincipal(member).map(ForeignPrincipal::sid)
                    .orElseGet(() -> cnOf(member));
            String name = ANONYMOUS.get(sid.toUpperCase(Locale.ROOT));
            if (name != null) {
                out.add(Evidence.of(g).with("member", member).with("principal", name + " (" + sid + ")"));
            }
        }
        return out;
    }

    /** The value of the first RDN when it is a CN ({@code CN=S-1-5-7,CN=ForeignSecurityPrincipals,...}), else "". */
    static String cnOf(String dn) {
        if (dn.length() < 3 || !dn.substring(0, 3).equalsIgnoreCase("CN=")) {
            return "";
        }
        int comma = dn.indexOf(',');
        return (comma < 0 ? dn.substring(3) : dn.substring(3, comma)).strip();
    }
}
