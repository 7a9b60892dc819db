package fr.vigie.snapshot.host;

import java.util.Objects;

/**
 * One source telling that the host is (or is not) joined to a domain. Immutable.
 *
 * @param source where it comes from
 * @param detail what the source said, e.g. "realm-name: CH-TEST.LOCAL, configured: kerberos-member"
 */
public record MembershipEvidence(MembershipSource source, String detail) {
    public MembershipEvidence {
        Objects.requireNonNull(source, "source");
        detail = Lists.text(detail);
    }
}
