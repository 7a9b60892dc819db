package fr.vigie.snapshot.host;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether the host is joined to a directory domain. Immutable.
 *
 * @param joined     true when at least one source says the host is a domain member
 * @param domainName DNS name (or Kerberos realm, lower-cased) of the domain; empty when not joined or unknown
 * @param evidence   every source that was read and what it said (empty when nothing indicates a membership)
 */
public record DomainMembership(boolean joined, Optional<String> domainName, List<MembershipEvidence> evidence) {
    public DomainMembership {
        domainName = Lists.opt(domainName).map(d -> d.toLowerCase(Locale.ROOT));
        evidence = Lists.copy(evidence);
    }

    public static DomainMembership notJoined() {
        return new DomainMembership(false, Optional.empty(), List.of());
    }
}
