package fr.vigie.snapshot;

import java.util.Objects;
import java.util.Optional;

/**
 * A domain controller as registered in the configuration partition (CN=Servers of a site). Immutable.
 *
 * @param serverDn        DN of the server object
 * @param site            name of the site it belongs to
 * @param dnsHostName     {@code dNSHostName} of the server object
 * @param computerDn      {@code serverReference}: the DC's computer account in the domain partition
 * @param hasNtdsSettings an nTDSDSA child (CN=NTDS Settings) exists
 * @param readOnly        the NTDS Settings object is an nTDSDSARO (read-only DC)
 */
public record DcServer(String serverDn, String site, Optional<String> dnsHostName, Optional<String> computerDn,
        boolean hasNtdsSettings, boolean readOnly) {
    public DcServer {
        Objects.requireNonNull(serverDn, "serverDn");
        site = site == null ? "" : site;
        dnsHostName = Snapshots.opt(dnsHostName);
        computerDn = Snapshots.opt(computerDn);
    }
}
