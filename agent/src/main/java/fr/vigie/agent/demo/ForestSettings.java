package fr.vigie.agent.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * How a generated single-domain forest is configured: what {@link ForestSkeleton} writes in the domain head, the
 * configuration and schema partitions and the RootDSE. Immutable.
 *
 * @param names                the domain
 * @param created              when the forest was created (whenCreated of the heads and built-in objects)
 * @param domainFunctionality  domain functional level (0 = 2000 ... 7 = 2016)
 * @param forestFunctionality  forest functional level
 * @param policy               default domain password policy and machine account quota
 * @param dsHeuristics         dSHeuristics of CN=Directory Service (empty: attribute absent)
 * @param tombstoneLifetimeDays tombstoneLifetime (empty: attribute absent, AD then uses 60)
 * @param recycleBinEnabled    whether CN=Partitions lists the Recycle Bin in msDS-EnabledFeature
 * @param lapsLegacySchema     the schema has the legacy LAPS attributes (ms-Mcs-AdmPwd...)
 * @param lapsWindowsSchema    the schema has the Windows LAPS attributes (msLAPS-Password...)
 * @param lastBackup           last AD-aware backup of the first DC (dSASignature stamp of the naming-context heads
 *                             that existed then); empty: never backed up
 * @param dnsPartitionsCreated when DomainDnsZones and ForestDnsZones were created (empty: with the forest); a
 *                             partition created after the last backup has never been backed up
 * @param domainControllers    the DCs; the first one is a writable DC, the PDC, the one that answers (RootDSE
 *                             dnsHostName) and the one that is backed up
 */
public record ForestSettings(
        DomainNames names,
        Instant created,
        int domainFunctionality,
        int forestFunctionality,
        DomainPolicy policy,
        Optional<String> dsHeuristics,
        Optional<Integer> tombstoneLifetimeDays,
        boolean recycleBinEnabled,
        boolean lapsLegacySchema,
        boolean lapsWindowsSchema,
        Optional<Instant> lastBackup,
        Optional<Instant> dnsPartitionsCreated,
        List<DomainControllerSpec> domainControllers) {
    public ForestSettings {
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(policy, "policy");
        dsHeuristics = dsHeuristics == null ? Optional.empty() : dsHeuristics;
        tombstoneLifetimeDays = tombstoneLifetimeDays == null ? Optional.empty() : tombstoneLifetimeDays;
        lastBackup = lastBackup == null ? Optional.empty() : lastBackup;
        dnsPartitionsCreated = dnsPartitionsCreated == null ? Optional.empty() : dnsPartitionsCreated;
        domainControllers = List.copyOf(domainControllers);
        if (domainControllers.isEmpty()) {
            throw new IllegalArgumentException("a domain needs at least one domain controller");
        }
        if (domainControllers.get(0).readOnly()) {
            throw new IllegalArgumentException("the first domain controller (the PDC) must be writable");
        }
        if (forestFunctionality > domainFunctionality) {
            throw new IllegalArgumentException("the forest functional level (" + forestFunctionality
                    + ") cannot exceed the domain's (" + domainFunctionality + ")");
        }
    }

    /** The DC that answers LDAP (and holds the PDC role). */
    public DomainControllerSpec answeringDc() {
        return domainControllers.get(0);
    }

    /**
     * Attributes of the domain head that make the default password policy.
     *
     * @param minPwdLength        minPwdLength
     * @param pwdHistoryLength    pwdHistoryLength
     * @param maxPwdAge           maxPwdAge (zero: passwords never expire)
     * @param pwdProperties       pwdProperties (1 = complexity, 0x10 = reversible encryption)
     * @param lockoutThreshold    lockoutThreshold (0 = never lock out)
     * @param machineAccountQuota ms-DS-MachineAccountQuota
     */
    public record DomainPolicy(int minPwdLength, int pwdHistoryLength, Duration maxPwdAge, int pwdProperties,
            int lockoutThreshold, int machineAccountQuota) {
        public DomainPolicy {
            Objects.requireNonNull(maxPwdAge, "maxPwdAge");
        }
    }

    /**
     * A domain controller as the configuration partition knows it (its computer account is written by the scenario,
     * with {@link AdEntries#domainController}).
     *
     * @param name          NetBIOS name, e.g. {@code DC01}
     * @param site          site name, e.g. {@code Site-Hopital}
     * @param functionality msDS-Behavior-Version of its NTDS Settings (7 = 2016, 6 = 2012 R2)
     * @param invocationId  invocationId of its NTDS Settings
     * @param created       when it was promoted
     * @param readOnly      a read-only DC (RODC): NTDS Settings of class nTDSDSARO
     */
    public record DomainControllerSpec(String name, String site, int functionality, UUID invocationId,
            Instant created, boolean readOnly) {
        public DomainControllerSpec {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(site, "site");
            Objects.requireNonNull(invocationId, "invocationId");
            Objects.requireNonNull(created, "created");
        }

        public String serverDn(DomainNames names) {
            return "CN=" + name + ",CN=Servers,CN=" + site + ",CN=Sites," + names.configurationDn();
        }

        public String ntdsSettingsDn(DomainNames names) {
            return "CN=NTDS Settings," + serverDn(names);
        }

        public String computerDn(DomainNames names) {
            return "CN=" + name + "," + names.domainControllersDn();
        }
    }
}
