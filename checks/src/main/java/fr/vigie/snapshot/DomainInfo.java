package fr.vigie.snapshot;

import java.util.Objects;
import java.util.Optional;

/**
 * The audited domain, from the RootDSE and the domain head object. Immutable.
 *
 * @param dn                     {@code defaultNamingContext}
 * @param dnsName                DNS name derived from the DN (DC=ch-exemple,DC=local -&gt; ch-exemple.local)
 * @param sid                    {@code objectSid} of the domain head
 * @param domainFunctionalLevel  RootDSE {@code domainFunctionality} (0 = 2000 ... 7 = 2016)
 * @param forestFunctionalLevel  RootDSE {@code forestFunctionality}
 * @param configurationNc        RootDSE {@code configurationNamingContext}
 * @param schemaNc               RootDSE {@code schemaNamingContext}
 * @param rootDomainNc           RootDSE {@code rootDomainNamingContext}
 * @param serverDnsName          RootDSE {@code dnsHostName}: the DC that answered
 * @param machineAccountQuota    {@code ms-DS-MachineAccountQuota} of the domain head
 * @param passwordPolicy         default domain password policy
 * @param lapsLegacySchema       the schema has {@code ms-Mcs-AdmPwd} (legacy LAPS installed)
 * @param lapsWindowsSchema      the schema has {@code msLAPS-Password} (Windows LAPS installed)
 */
public record DomainInfo(
        String dn,
        String dnsName,
        String sid,
        int domainFunctionalLevel,
        int forestFunctionalLevel,
        String configurationNc,
        String schemaNc,
        String rootDomainNc,
        String serverDnsName,
        Optional<Integer> machineAccountQuota,
        PasswordPolicy passwordPolicy,
        boolean lapsLegacySchema,
        boolean lapsWindowsSchema) {
    public DomainInfo {
        Objects.requireNonNull(dn, "dn");
        dnsName = dnsName == null ? "" : dnsName;
        sid = sid == null ? "" : sid;
        configurationNc = configurationNc == null ? "" : configurationNc;
        schemaNc = schemaNc == null ? "" : schemaNc;
        rootDomainNc = rootDomainNc == null ? "" : rootDomainNc;
        serverDnsName = serverDnsName == null ? "" : serverDnsName;
        machineAccountQuota = Snapshots.opt(machineAccountQuota);
        passwordPolicy = passwordPolicy == null ? new PasswordPolicy(0, 0, 0, 0, 0) : passwordPolicy;
    }

    /** True when this domain is the forest root (Enterprise Admins and Schema Admins live here). */
    public boolean isForestRoot() {
        return dn.equalsIgnoreCase(rootDomainNc);
    }
}
