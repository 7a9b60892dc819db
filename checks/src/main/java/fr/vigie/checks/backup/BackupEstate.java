package fr.vigie.checks.backup;

import fr.vigie.checks.CheckContext;
import fr.vigie.checks.Evidence;
import fr.vigie.checks.index.DirectoryIndex;
import fr.vigie.snapshot.Account;
import fr.vigie.snapshot.AccountKind;
import fr.vigie.snapshot.ComputerInfo;
import fr.vigie.snapshot.DirectorySnapshot;
import fr.vigie.snapshot.Group;
import fr.vigie.snapshot.Sids;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Which directory objects belong to the backup system, as the backup rules see them. Stateless; thread-safe.
 *
 * <ul>
 *   <li>Backup service accounts: enabled users, managed and group managed service accounts whose sAMAccountName,
 *       description or one of whose servicePrincipalNames matches a {@code namePatterns} pattern
 *       ({@link NamePatterns}), or whose sAMAccountName is listed in {@code extraAccounts}.</li>
 *   <li>Backup servers: enabled computers other than domain controllers whose sAMAccountName (with or without the
 *       final {@code $}) or dNSHostName is listed in {@code backupHosts} (the site's inventory), or whose
 *       sAMAccountName, dNSHostName, description or one of whose servicePrincipalNames matches a
 *       {@code namePatterns} pattern.</li>
 * </ul>
 * Every match says why, so that the administrator can tell a real backup object from a homonym.
 */
final class BackupEstate {
    private BackupEstate() {}

    /** An object recognised as part of the backup system, and why. */
    record Match(Account account, String matchedBy) {
        /** Evidence naming the account and why it was recognised. */
        Evidence evidence() {
            return Evidence.of(account).with("matchedBy", matchedBy);
        }
    }

    /** Backup service accounts of the snapshot, in snapshot order (thresholds namePatterns and extraAccounts). */
    static List<Match> serviceAccounts(DirectorySnapshot snapshot, CheckContext context) {
        NamePatterns patterns = NamePatterns.of(context, "namePatterns");
        Set<String> extra = lowerCase(context.listThreshold("extraAccounts"));
        List<Match> out = new ArrayList<>();
        for (Account a : snapshot.accounts()) {
            if (a.kind() == AccountKind.COMPUTER || !a.enabled()) {
                continue;
            }
            Optional<String> why = extra.contains(a.samAccountName().toLowerCase(Locale.ROOT))
                    ? Optional.of("extraAccounts lists '" + a.samAccountName() + "'")
                    : heuristics(a, patterns, false);
            why.ifPresent(w -> out.add(new Match(a, w)));
        }
        return out;
    }

    /** Backup servers of the snapshot, in snapshot order (thresholds namePatterns and backupHosts). */
    static List<Match> servers(DirectorySnapshot snapshot, CheckContext context) {
        NamePatterns patterns = NamePatterns.of(context, "namePatterns");
        Set<String> inventory = lowerCase(context.listThreshold("backupHosts"));
        List<Match> out = new ArrayList<>();
        for (Account a : snapshot.accounts()) {
            if (a.kind() != AccountKind.COMPUTER || !a.enabled() || a.isDomainController()) {
                continue;
            }
            Optional<String> why = inventoryEntry(a, inventory)
                    .map(entry -> "backupHosts lists '" + entry + "'")
                    .or(() -> heuristics(a, patterns, true));
            why.ifPresent(w -> out.add(new Match(a, w)));
        }
        return out;
    }

    private static Optional<String> inventoryEntry(Account computer, Set<String> inventory) {
        String sam = computer.samAccountName().toLowerCase(Locale.ROOT);
        String bare = sam.endsWith("$") ? sam.substring(0, sam.length() - 1) : sam;
        Optional<String> dns = dnsHostName(computer).map(d -> d.toLowerCase(Locale.ROOT));
        return Stream.of(Optional.of(sam), Optional.of(bare), dns).flatMap(Optional::stream)
                .filter(n -> !n.isEmpty() && inventory.contains(n)).findFirst();
    }

    private static Optional<String> heuristics(Account a, NamePatterns patterns, boolean withDnsName) {
        Optional<String> why = matching("sAMAccountName", a.samAccountName(), patterns);
        if (why.isEmpty() && withDnsName) {
            why = dnsHostName(a).flatMap(d -> matching("dNSHostName", d, patterns));
        }
        if (why.isEmpty()) {
            why = a.description().flatMap(d -> matching("description", d, patterns));
        }
        for (String spn : a.servicePrincipalNames()) {
            if (why.isPresent()) {
                break;
            }
            why = matching("servicePrincipalName", spn, patterns);
        }
        return why;
    }

    private static Optional<String> matching(String attribute, String value, NamePatterns patterns) {
        return patterns.firstMatch(value).map(p -> attribute + " '" + value + "' matches '" + p + "'");
    }

    private static Optional<String> dnsHostName(Account a) {
        return a.computer().flatMap(ComputerInfo::dnsHostName);
    }

    private static Set<String> lowerCase(List<String> values) {
        return values.stream().map(v -> v.strip().toLowerCase(Locale.ROOT)).filter(v -> !v.isEmpty())
                .collect(Collectors.toSet());
    }

    /**
     * The privileged groups that make the account an administrator of the domain: {@link
     * DirectoryIndex#privilegedAccounts()} (the ANSSI list, recursive, plus the RID-500 account) without Backup
     * Operators and Server Operators, whose members the rule backup-operators-members reports on its own level.
     * Empty when the account is not privileged or only through those two groups.
     */
    static List<String> adminGroups(Account account, DirectoryIndex index) {
        List<String> groups = index.privilegedAccounts().getOrDefault(account, List.of());
        Set<String> operators = Stream.of(Sids.BACKUP_OPERATORS, Sids.SERVER_OPERATORS).map(index::groupBySid)
                .flatMap(Optional::stream).map(Group::samAccountName).collect(Collectors.toSet());
        return groups.stream().filter(g -> !operators.contains(g)).toList();
    }

    /** ISO-8601 UTC rendering of an instant, to the second (e.g. {@code 2026-05-31T08:00:00Z}). */
    static String iso(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
