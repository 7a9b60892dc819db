package fr.vigie.agent.collect.ldap;

import fr.vigie.agent.config.Secret;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how to read the directory. Immutable apart from the secret it holds.
 *
 * @param host            DC host name or address
 * @param port            636 for LDAPS, 389 for StartTLS/plain
 * @param transport       connection protection
 * @param trust           accepted server certificates (ignored for PLAIN_INSECURE)
 * @param bindDn          DN or UPN of the read-only audit account (e.g. audit@ch-exemple.local)
 * @param password        its password
 * @param baseDn          the domain to audit; empty = the RootDSE's defaultNamingContext
 * @param connectTimeout  TCP + TLS connect timeout
 * @param responseTimeout timeout of one LDAP operation (one page of a search)
 * @param maxAttempts     connection attempts before giving up (bounded retry with backoff), at least 1
 */
public record LdapTarget(
        String host,
        int port,
        Transport transport,
        TrustPolicy trust,
        String bindDn,
        Secret password,
        Optional<String> baseDn,
        Duration connectTimeout,
        Duration responseTimeout,
        int maxAttempts) {
    public LdapTarget {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(trust, "trust");
        Objects.requireNonNull(bindDn, "bindDn");
        Objects.requireNonNull(password, "password");
        baseDn = baseDn == null ? Optional.empty() : baseDn;
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not a TCP port");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** host:port, for messages and the snapshot's source field. */
    public String address() {
        return host + ":" + port;
    }
}
