package fr.vigie.agent.demo;

import fr.vigie.agent.collect.ldap.LdapTarget;
import fr.vigie.agent.collect.ldap.Transport;
import fr.vigie.agent.collect.ldap.TrustPolicy;
import fr.vigie.agent.config.Secret;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The embedded sample hospital domain ("CH Exemple") served in-process over LDAPS on 127.0.0.1 by UnboundID's
 * in-memory server, in which every check of the catalogue has something to find. Used by {@code vigie demo}.
 *
 * <p>The server looks like a Windows Server 2016 DC ({@link AdLikeServer}): AD RootDSE, AD encodings, AD's paging
 * and range limits, a certificate generated at start and trusted by pinning its fingerprint. Only the read-only
 * demo audit account ({@link ChExemple#AUDIT_ACCOUNT_DN}) can bind, with a random password made at start and never
 * shown. Thread-safe; {@link #close()} stops the server and clears the password.
 *
 * <pre>{@code
 * try (DemoDomain demo = DemoDomain.start()) {
 *     DirectorySnapshot s = new LdapDirectoryCollector(demo.target(), CollectionProgress.NONE).collect(Instant.now());
 * }
 * }</pre>
 */
public final class DemoDomain implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final char[] ALPHABET =
            "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789-_!%".toCharArray();

    private final AdLikeServer server;
    private final Secret password;
    private final Instant now;

    private DemoDomain(AdLikeServer server, Secret password, Instant now) {
        this.server = server;
        this.password = password;
        this.now = now;
    }

    /** Starts the demo server on a free loopback port; its dates are relative to the clock's current time. */
    public static DemoDomain start() throws Exception {
        return start(Clock.systemUTC());
    }

    /**
     * Starts the demo server with dates relative to {@code clock.instant()} at start (tests pass a fixed clock so
     * that the domain is the same at every run).
     */
    public static DemoDomain start(Clock clock) throws Exception {
        Objects.requireNonNull(clock, "clock");
        Instant now = clock.instant();
        char[] pw = randomPassword();
        try {
            ChExemple domain = new ChExemple(now);
            AdLikeServer server = AdLikeServer.start(domain.skeleton(), clock, AdLikeServer.Security.LDAPS,
                    ChExemple.AUDIT_ACCOUNT_DN, pw, domain::writeTo);
            return new DemoDomain(server, Secret.of(pw), now);
        } finally {
            Arrays.fill(pw, '\0');
        }
    }

    /** Starts with "now" fixed at the given instant. */
    public static DemoDomain start(Instant now) throws Exception {
        return start(Clock.fixed(now, ZoneOffset.UTC));
    }

    private static char[] randomPassword() {
        SecureRandom random = new SecureRandom();
        char[] out = new char[32];
        for (int i = 0; i < out.length; i++) {
            out[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return out;
    }

    /** A target ready to collect the demo domain: LDAPS, certificate pinned, the demo audit account and password. */
    public LdapTarget target() {
        char[] pw = password.chars();
        try {
            return new LdapTarget("127.0.0.1", server.port(), Transport.LDAPS,
                    new TrustPolicy.PinnedCertificate(server.certificateSha256().orElseThrow()),
                    ChExemple.AUDIT_ACCOUNT_DN, Secret.of(pw), Optional.empty(), TIMEOUT, TIMEOUT, 2);
        } finally {
            Arrays.fill(pw, '\0');
        }
    }

    /** The instant the domain's dates are relative to. */
    public Instant now() {
        return now;
    }

    /** Number of entries served. */
    public int entryCount() {
        return server.entryCount();
    }

    @Override
    public void close() {
        server.close();
        password.clear();
    }
}
