package fr.vigie.snapshot;

/**
 * A foreignSecurityPrincipal (CN=&lt;SID&gt;,CN=ForeignSecurityPrincipals,...): a principal of another domain or a
 * well-known SID (Everyone, Anonymous, Authenticated Users) placed in a group of this domain. Immutable.
 *
 * @param dn  {@code distinguishedName}
 * @param sid {@code objectSid} (equal to the CN)
 */
public record ForeignPrincipal(String dn, String sid) {}
