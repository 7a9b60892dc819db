package fr.vigie.checks.backup.host;

import fr.vigie.checks.Evidence;
import fr.vigie.checks.host.HostCheck;
import fr.vigie.checks.host.HostCheckContext;
import fr.vigie.checks.index.DirectoryIndex;
import fr.vigie.snapshot.host.BackupLocation;
import fr.vigie.snapshot.host.BackupSoftware;
import fr.vigie.snapshot.host.HostDataSource;
import fr.vigie.snapshot.host.HostSnapshot;
import fr.vigie.snapshot.host.MembershipEvidence;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The host runs backup software or holds backups, and is joined to the production domain: an attacker who becomes
 * domain admin logs on to it like to any member server and destroys the backups before encrypting the rest. The
 * production domain is the audited one (its DNS name, a parent or a child of it); domains listed in
 * {@code backupDomains} (a dedicated backup forest) are accepted. Without a directory snapshot, any membership
 * outside {@code backupDomains} is reported, with that caveat in the evidence.
 */
public final class BackupHostDomainJoined implements HostCheck {
    @Override
    public String ruleId() {
        return "backup-host-domain-joined";
    }

    @Override
    public Set<HostDataSource> requires() {
        return Set.of(HostDataSource.DOMAIN_MEMBERSHIP, HostDataSource.BACKUP_SOFTWARE);
    }

    @Override
    public List<Evidence> evaluate(HostSnapshot host, Optional<DirectoryIndex> directory, HostCheckContext context) {
        if (!host.domain().joined()) {
            return List.of();
        }
        String joined = host.domain().domainName().orElse("");
        for (String d : context.listThreshold("backupDomains")) {
            if (!joined.isEmpty() && joined.equalsIgnoreCase(d)) {
                return List.of();
            }
        }
        Set<String> roles = new LinkedHashSet<>();
        for (BackupSoftware b : host.backupSoftware()) {
            roles.add("runs " + b.product());
        }
        for (BackupLocation l : host.backupLocations()) {
            if (l.backupCount() > 0) {
                roles.add("holds " + l.backupCount() + " backups in " + l.path());
            }
        }
        if (roles.isEmpty()) {
            return List.of();
        }
        String production;
        if (directory.isPresent()) {
            String audited = directory.get().snapshot().domain().dnsName().toLowerCase(Locale.ROOT);
            if (!joined.isEmpty() && !sameTree(joined, audited)) {
                return List.of();
            }
            production = joined.isEmpty() ? "a domain whose name was not read (audited: " + audited + ")"
                    : "the audited domain " + audited;
        } else {
            production = "no directory snapshot: the host's domain is assumed to be the production domain";
        }
        List<String> sources = new ArrayList<>();
        for (MembershipEvidence e : host.domain().evidence()) {
            sources.add(e.source() + ": " + e.detail());
        }
        return List.of(new Evidence(host.hostName().isEmpty() ? "(this host)" : host.hostName(), joined, null)
                .with("domain", joined.isEmpty() ? "(name unknown)" : joined)
                .with("production domain", production)
                .with("backup role", String.join("; ", roles))
                .with("membership read from", String.join("; ", sources)));
    }

    private static boolean sameTree(String a, String b) {
        return a.equals(b) || a.endsWith("." + b) || b.endsWith("." + a);
    }
}
