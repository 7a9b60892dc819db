package fr.vigie.agent.demo;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.OperationType;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * An UnboundID in-memory directory server that looks like a domain controller of a generated forest: the
 * forest's naming contexts, an AD RootDSE, no schema checking (AD's attributes are stored as given, binary ones
 * included), AD's search behaviour ({@link AdBehaviourInterceptor}), read-only for clients, listening on
 * 127.0.0.1 only, on a free port. Reading anything but the RootDSE needs a successful bind, with the one account
 * given at start. Thread-safe; {@link #close()} is idempotent.
 */
public final class AdLikeServer implements AutoCloseable {
    /** How the listener is protected. */
    public enum Security {
        /** LDAPS with a certificate generated at start ({@link SelfSignedTls}). */
        LDAPS,
        /** Plain LDAP: only for loopback measurements (the benchmark). */
        PLAIN
    }

    /** Writes the directory's content, parents first. */
    @FunctionalInterface
    public interface Content {
        void writeTo(EntrySink sink) throws LDAPException;
    }

    private final InMemoryDirectoryServer server;
    private final Optional<String> certificateSha256;

    private AdLikeServer(InMemoryDirectoryServer server, Optional<String> certificateSha256) {
        this.server = server;
        this.certificateSha256 = certificateSha256;
    }

    /**
     * Loads the content, then starts listening.
     *
     * @param skeleton the forest (naming contexts and RootDSE)
     * @param clock    "now" of the RootDSE's currentTime and of the certificate's validity
     * @param bindDn   the only account that can bind
     * @param password its password; the array is not kept (the caller may clear it)
     * @throws LDAPException            when an entry is refused or the listener cannot start
     * @throws GeneralSecurityException when the TLS certificate cannot be made
     */
    public static AdLikeServer start(ForestSkeleton skeleton, Clock clock, Security security, String bindDn,
            char[] password, Content content) throws LDAPException, GeneralSecurityException {
        Objects.requireNonNull(content, "content");
        DomainNames names = skeleton.settings().names();
        Instant now = clock.instant();
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(
                names.namingContexts().toArray(String[]::new));
        config.setSchema(null);
        config.setGenerateOperationalAttributes(false);
        config.setRootDSEEntry(skeleton.rootDse(now));
        config.setAuthenticationRequiredOperationTypes(OperationType.COMPARE);
        // the server keeps this array (not a copy) for as long as it runs
        config.addAdditionalBindCredentials(bindDn, utf8(password));
        AdBehaviourInterceptor behaviour = new AdBehaviourInterceptor(names.namingContexts(), names.dnsName(), clock);
        config.addInMemoryOperationInterceptor(behaviour);
        InetAddress loopback = InetAddress.getLoopbackAddress();
        Optional<String> fingerprint = Optional.empty();
        if (security == Security.LDAPS) {
            SelfSignedTls tls = SelfSignedTls.generate(names.fqdn(skeleton.settings().answeringDc().name()), now);
            config.setListenerConfigs(InMemoryListenerConfig.createLDAPSConfig("LDAPS", loopback, 0,
                    tls.serverSocketFactory(), null));
            fingerprint = Optional.of(tls.sha256());
        } else {
            config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("LDAP", loopback, 0, null));
        }
        InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
        behaviour.attach(server);
        content.writeTo(server::add);
        server.startListening();
        return new AdLikeServer(server, fingerprint);
    }

    private static byte[] utf8(char[] password) {
        ByteBuffer b = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] out = new byte[b.remaining()];
        b.get(out);
        if (b.hasArray()) {
            Arrays.fill(b.array(), (byte) 0);
        }
        return out;
    }

    /** The port on 127.0.0.1. */
    public int port() {
        return server.getListenPort();
    }

    /** SHA-256 of the server certificate (hex), for LDAPS. */
    public Optional<String> certificateSha256() {
        return certificateSha256;
    }

    /** Number of entries served, the naming-context heads included. */
    public int entryCount() {
        return server.countEntries();
    }

    /** The underlying server (tests). */
    InMemoryDirectoryServer server() {
        return server;
    }

    @Override
    public void close() {
        server.shutDown(true);
    }
}
