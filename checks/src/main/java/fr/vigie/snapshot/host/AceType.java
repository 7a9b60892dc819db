package fr.vigie.snapshot.host;

/** Type of an access control entry of a Windows DACL. */
public enum AceType {
    /** ACCESS_ALLOWED_ACE_TYPE (0) or ACCESS_ALLOWED_OBJECT_ACE_TYPE (5). */
    ALLOW,
    /** ACCESS_DENIED_ACE_TYPE (1) or ACCESS_DENIED_OBJECT_ACE_TYPE (6). */
    DENY,
    /** Audit, alarm or callback entries: they grant nothing. */
    OTHER
}
