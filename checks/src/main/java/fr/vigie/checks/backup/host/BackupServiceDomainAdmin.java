package fr.vigie.checks.backup.host;

import fr.vigie.checks.Evidence;
import fr.vigie.checks.host.HostCheck;
import fr.vigie.checks.host.HostCheckContext;
import fr.vigie.checks.index.DirectoryIndex;
import fr.vigie.snapshot.Account;
import fr.vigie.snapshot.DataSource;
import fr.vigie.snapshot.host.BackupSoftware;
import fr.vigie.snapshot.host.HostDataSource;
import fr.vigie.snapshot.host.HostSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Backup software on this host runs as a domain account that is privileged in Active Directory (Domain Admins,
 * Administrators, Backup Operators, ...: {@link DirectoryIndex#privilegedAccounts()}). Whoever controls the backup
 * server, or reads the service's stored credentials, then controls the domain.
 *
 * <p>The account is found in the directory snapshot by SID when the host gives one, otherwise by name: a qualified
 * name ({@code CORP\svc}, {@code svc@corp.local}) is looked up by its user part unless the qualifier is local
 * ({@code NT AUTHORITY}, {@code .}, the host's own name); an unqualified name only when the host is joined to the
 * audited domain. The evidence says how the match was made. Without a directory snapshot the rule is "not
 * evaluated": an account name alone cannot prove the account is not privileged.
 */
public final class BackupServiceDomainAdmin implements HostCheck {
    private static final Set<String> LOCAL_ACCOUNTS = Set.of("root", "localsystem", "system", "localservice",
            "networkservice", "local service", "network service", "nobody", "daemon");
    private static final Set<String> LOCAL_QUALIFIERS = Set.of(".", "nt authority", "nt service", "builtin",
            "autorite nt", "window manager", "iis apppool");

    @Override
    public String ruleId() {
        return "backup-service-domain-admin";
    }

    @Override
    public Set<HostDataSource> requires() {
        return Set.of(HostDataSource.BACKUP_SOFTWARE);
    }

    @Override
    public Set<DataSource> requiresDirectory() {
        return Set.of(DataSource.DOMAIN, DataSource.USERS, DataSource.GROUPS);
    }

    @Override
    public List<Evidence> evaluate(HostSnapshot host, Optional<DirectoryIndex> directory, HostCheckContext context) {
        if (directory.isEmpty()) {
            return List.of();
        }
        DirectoryIndex index = directory.get();
        String domainDns = index.snapshot().domain().dnsName().toLowerCase(Locale.ROOT);
        boolean joinedHere = host.domain().joined() && host.domain().domainName().map(domainDns::equals).orElse(false);
        Map<Account, List<String>> privileged = index.privilegedAccounts();
        List<Evidence> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (BackupSoftware b : host.backupSoftware()) {
            if (b.account().isEmpty()) {
                continue;
            }
            Optional<Match> match = resolve(b, index, host.hostName(), joinedHere, domainDns);
            if (match.isEmpty() || !privileged.containsKey(match.get().account())) {
                continue;
            }
            Account a = match.get().account();
            if (!seen.add(b.product() + "|" + b.kind() + "|" + b.name() + "|" + a.dn())) {
                continue;
            }
            out.add(new Evidence(a.dn(), a.samAccountName(), null)
                    .with("product", b.product())
                    .with(b.kind().name().toLowerCase(Locale.ROOT), b.name())
                    .with("runs as", b.account().get())
                    .with("privileged through", String.join(", ", privileged.get(a)))
                    .with("matched by", match.get().how()));
        }
        return out;
    }

    private record Match(Account account, String how) {}

    private static Optional<Match> resolve(BackupSoftware b, DirectoryIndex index, String hostName, boolean joinedHere,
                                           String domainDns) {
        if (b.userId().isPresent() && b.userId().get().startsWith("S-1-5-21-")) {
            Optional<Account> bySid = index.accountBySid(b.userId().get());
            if (bySid.isPresent()) {
                return Optional.of(new Match(bySid.get(), "SID " + b.userId().get()));
            }
        }
        String account = b.account().get().strip();
        String qualifier = "";
        String user = account;
        int backslash = account.indexOf('\\');
        int at = account.lastIndexOf('@');
        if (backslash >= 0) {
            qualifier = account.substring(0, backslash);
            user = account.substring(backslash + 1);
        } else if (at > 0) {
            qualifier = account.substring(at + 1);
            user = account.substring(0, at);
        }
        String q = qualifier.toLowerCase(Locale.ROOT);
        String hostShort = hostName.toLowerCase(Locale.ROOT).split("\\.")[0];
        if (LOCAL_QUALIFIERS.contains(q) || (!q.isEmpty() && q.equals(hostShort))
                || LOCAL_ACCOUNTS.contains(user.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        if (q.isEmpty() && !joinedHere) {
            return Optional.empty();
        }
        String how;
        if (q.isEmpty()) {
            how = "name '" + user + "' (unqualified; the host is joined to " + domainDns + ")";
        } else if (q.equals(domainDns) || q.equals(domainDns.split("\\.")[0])) {
            how = "name '" + user + "' in domain " + qualifier;
        } else {
            how = "name '" + user + "' (qualifier " + qualifier + " not verified against " + domainDns + ")";
        }
        String sam = user;
        return index.snapshot().users()
                .filter(a -> a.samAccountName().equalsIgnoreCase(sam))
                .findFirst()
                .map(a -> new Match(a, how));
    }
}
