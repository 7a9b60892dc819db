package fr.vigie.agent.collect.ldap;

/** How the LDAP connection is protected. */
public enum Transport {
    /** TLS from the first byte (port 636). Default. */
    LDAPS,
    /** Plain connection upgraded with the StartTLS extended operation before the bind (port 389). */
    STARTTLS,
    /** No encryption at all: the password travels in clear. Only with the explicit --insecure-plain-ldap option. */
    PLAIN_INSECURE
}
