package fr.vigie.checks.delegation;

import fr.vigie.checks.index.DirectoryIndex;
import fr.vigie.snapshot.Account;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The names by which a service principal name can designate a domain controller: the {@code dNSHostName} of each DC
 * computer account and its {@code sAMAccountName} without the trailing '$', compared case-insensitively. Shared by
 * the constrained-delegation checks. Immutable after construction; thread-safe.
 */
final class DcSpnTargets {
    private final Map<String, Account> dcByHost = new HashMap<>();

    DcSpnTargets(DirectoryIndex index) {
        for (Account dc : index.domainControllers()) {
            String sam = dc.samAccountName();
            String shortName = sam.endsWith("$") ? sam.substring(0, sam.length() - 1) : sam;
            if (!shortName.isEmpty()) {
                dcByHost.putIfAbsent(normalise(shortName), dc);
            }
            dc.computer().flatMap(c -> c.dnsHostName()).filter(h -> !h.isBlank())
                    .ifPresent(h -> dcByHost.putIfAbsent(normalise(h), dc));
        }
    }

    /**
     * The host part of an SPN ({@code service/host[:port][/name]}), or empty when the value has no host part.
     * A trailing '.' of a fully qualified name is dropped.
     */
    static Optional<String> host(String spn) {
        int slash = spn.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        String rest = spn.substring(slash + 1);
        int end = rest.length();
        int nextSlash = rest.indexOf('/');
        if (nextSlash >= 0) {
            end = nextSlash;
        }
        int colon = rest.indexOf(':');
        if (colon >= 0 && colon < end) {
            end = colon;
        }
        String host = rest.substring(0, end).strip();
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        return host.isEmpty() ? Optional.empty() : Optional.of(host);
    }

    /** The domain controller the SPN designates, if any. */
    Optional<Account> dcOf(String spn) {
        return host(spn).map(h -> dcByHost.get(normalise(h)));
    }

    /** The values of the account's {@code msDS-AllowedToDelegateTo} that designate a domain controller. */
    List<String> spnsOnDcs(Account account) {
        List<String> out = new ArrayList<>();
        for (String spn : account.allowedToDelegateTo()) {
            if (dcOf(spn).isPresent()) {
                out.add(spn);
            }
        }
        return out;
    }

    /** sAMAccountNames of the domain controllers designated by these SPNs, without duplicates, in order. */
    List<String> dcNames(List<String> spns) {
        return spns.stream().map(this::dcOf).flatMap(Optional::stream).map(Account::samAccountName).distinct()
                .toList();
    }

    private static String normalise(String host) {
        return host.toLowerCase(Locale.ROOT);
    }
}
