package fr.vigie.checks.backup;

import fr.vigie.checks.Check;
import fr.vigie.checks.CheckContext;
import fr.vigie.checks.Evidence;
import fr.vigie.snapshot.DataSource;
import fr.vigie.snapshot.DcServer;
import fr.vigie.snapshot.DirectorySnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Fewer than {@code minWritableDcs} writable domain controllers in the audited domain: server objects of the
 * configuration partition with an NTDS Settings object that is not read-only, whose computer account
 * ({@code serverReference}) is in this domain (its DC= components are the domain's DN; or, when it has none, whose
 * dNSHostName is a host of the domain's DNS name); DCs of other domains of the forest, child domains included, are
 * not counted. With a single writable DC, losing it means restoring
 * the whole domain from backup instead of re-promoting a server from a surviving replica. PingCastle A-NotEnoughDC;
 * B-AD-DCRedundancy.
 */
public final class SingleWritableDc implements Check {
    @Override
    public String ruleId() {
        return "backup-single-writable-dc";
    }

    @Override
    public Set<DataSource> requires() {
        return Set.of(DataSource.DOMAIN_CONTROLLERS);
    }

    @Override
    public List<Evidence> evaluate(DirectorySnapshot snapshot, CheckContext context) {
        long min = context.threshold("minWritableDcs");
        List<String> writable = new ArrayList<>();
        List<String> readOnly = new ArrayList<>();
        for (DcServer s : snapshot.dcServers()) {
            if (!s.hasNtdsSettings() || !inDomain(s, snapshot)) {
                continue;
            }
            (s.readOnly() ? readOnly : writable).add(name(s));
        }
        if (writable.size() >= min) {
            return List.of();
        }
        return List.of(new Evidence(snapshot.domain().dn(), snapshot.domain().dnsName(), null)
                .with("writableDcs", writable.size() + (writable.isEmpty() ? "" : " (" + String.join(", ", writable) + ")"))
                .with("readOnlyDcs", readOnly.isEmpty() ? "none" : String.join(", ", readOnly))
                .with("minWritableDcs", min));
    }

    private static boolean inDomain(DcServer s, DirectorySnapshot snapshot) {
        if (s.computerDn().isPresent()) {
            return domainPart(s.computerDn().get()).equalsIgnoreCase(snapshot.domain().dn());
        }
        String dns = snapshot.domain().dnsName();
        return !dns.isEmpty() && s.dnsHostName().map(h -> h.indexOf('.') > 0
                && h.substring(h.indexOf('.') + 1).equalsIgnoreCase(dns)).orElse(false);
    }

    /** The DC= components of a DN: "CN=DC1,OU=Domain Controllers,DC=a,DC=b" gives "DC=a,DC=b". */
    private static String domainPart(String dn) {
        String lower = dn.toLowerCase(Locale.ROOT);
        if (lower.startsWith("dc=")) {
            return dn;
        }
        int i = lower.indexOf(",dc=");
        return i < 0 ? "" : dn.substring(i + 1);
    }

    private static String name(DcServer s) {
        return s.dnsHostName().orElse(s.serverDn());
    }
}
