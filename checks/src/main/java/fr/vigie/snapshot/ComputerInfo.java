package fr.vigie.snapshot;

import java.util.Optional;

/**
 * Attributes only computers have. Immutable.
 *
 * @param operatingSystem        {@code operatingSystem}, e.g. "Windows Server 2012 R2 Standard"
 * @param operatingSystemVersion {@code operatingSystemVersion}, e.g. "6.3 (9600)"
 * @param dnsHostName            {@code dNSHostName}
 * @param lapsPassword           true when {@code ms-Mcs-AdmPwdExpirationTime} (legacy LAPS) or
 *                               {@code msLAPS-PasswordExpirationTime} (Windows LAPS) is set: a LAPS-managed password
 */
public record ComputerInfo(
        Optional<String> operatingSystem,
        Optional<String> operatingSystemVersion,
        Optional<String> dnsHostName,
        boolean lapsPassword) {
    public ComputerInfo {
        operatingSystem = Snapshots.opt(operatingSystem);
        operatingSystemVersion = Snapshots.opt(operatingSystemVersion);
        dnsHostName = Snapshots.opt(dnsHostName);
    }
}
