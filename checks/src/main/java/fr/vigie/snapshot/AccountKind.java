package fr.vigie.snapshot;

/** What kind of security principal an {@link Account} is, from its objectClass. */
public enum AccountKind {
    USER,
    COMPUTER,
    /** msDS-ManagedServiceAccount (sMSA). */
    MANAGED_SERVICE_ACCOUNT,
    /** msDS-GroupManagedServiceAccount (gMSA). */
    GROUP_MANAGED_SERVICE_ACCOUNT
}
