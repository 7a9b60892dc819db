package fr.vigie.snapshot;

/**
 * One step of collection: a part of the directory read as a unit. Every step is recorded in
 * {@link DirectorySnapshot#steps()} with whether it finished; a check declares the sources it needs and is "not
 * evaluated" when one of them is missing or failed.
 */
public enum DataSource {
    /** RootDSE: naming contexts, functional levels, server name. */
    ROOT_DSE,
    /** The domain head object: SID, password policy, ms-DS-MachineAccountQuota. */
    DOMAIN,
    /** Objects of class user that are not computers (including inetOrgPerson, managed service accounts). */
    USERS,
    /** Computer objects. */
    COMPUTERS,
    /** Groups with their direct members (range retrieval for large groups). */
    GROUPS,
    /** CN=ForeignSecurityPrincipals. */
    FOREIGN_PRINCIPALS,
    /** trustedDomain objects under CN=System. */
    TRUSTS,
    /** CN=Directory Service,CN=Windows NT,CN=Services,&lt;config&gt;: dSHeuristics, tombstoneLifetime. */
    DIRECTORY_SERVICE,
    /** msDS-EnabledFeature of CN=Partitions (Recycle Bin). */
    OPTIONAL_FEATURES,
    /** Server and nTDSDSA objects under CN=Sites of the configuration partition. */
    DOMAIN_CONTROLLERS,
    /** replPropertyMetaData of each naming-context head. */
    NAMING_CONTEXT_METADATA,
    /** Schema: presence of the LAPS attributes. */
    SCHEMA
}
