package fr.vigie.checks.trusts;

import fr.vigie.snapshot.Trust;
import java.util.Optional;

/** Builds trustedDomain objects for the trust tests. */
final class Trusts {
    private Trusts() {}

    static Trust trust(String partner, int direction, int type, int attributes) {
        return new Trust("CN=" + partner + ",CN=System,DC=ch-test,DC=local", partner,
                Optional.of(partner.split("\\.")[0].toUpperCase(java.util.Locale.ROOT)),
                Optional.of("S-1-5-21-7-8-9"), direction, type, attributes, Optional.empty(), Optional.empty());
    }
}
