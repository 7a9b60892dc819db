/**
 * An AD-like directory for tests, on UnboundID's in-memory server: {@link
 * fr.vigie.agent.collect.ldap.adlike.AdLikeDirectory} (a small domain with configuration and schema partitions),
 * {@link fr.vigie.agent.collect.ldap.adlike.AdObject} (entries with binary SIDs, FILETIMEs, security descriptors),
 * {@link fr.vigie.agent.collect.ldap.adlike.AdLimitsInterceptor} (AD's MaxPageSize 1000 and MaxValRange 1500, which
 * Samba does not enforce), {@link fr.vigie.agent.collect.ldap.adlike.FaultInterceptor} (dropped connections,
 * referrals, ignored paging) and {@link fr.vigie.agent.collect.ldap.adlike.TestCertificates} (self-signed LDAPS
 * certificates).
 */
package fr.vigie.agent.collect.ldap.adlike;
