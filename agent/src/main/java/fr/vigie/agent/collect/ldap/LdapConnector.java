package fr.vigie.agent.collect.ldap;

import com.unboundid.ldap.sdk.ExtendedResult;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.extensions.StartTLSExtendedRequest;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.JVMDefaultTrustManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustAllTrustManager;
import com.unboundid.util.ssl.TrustStoreTrustManager;
import fr.vigie.agent.collect.ldap.CollectionException.Reason;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.X509TrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens an authenticated connection to the DC of an {@link LdapTarget}: TCP (bounded retries with exponential
 * backoff, for connection failures only), TLS (LDAPS, or StartTLS before the bind) with a trust manager that applies
 * to this connection only, host-name verification for trust-store and system-default trust, then a simple bind.
 * Every failure becomes a {@link CollectionException} whose message says what to do. The password is never put in
 * a message, a log line or an exception. Not thread-safe (one collector thread).
 */
final class LdapConnector {
    private static final Logger LOG = LoggerFactory.getLogger(LdapConnector.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(16);
    /** AD's "data xxx" sub-codes of LDAP 49 (AcceptSecurityContext error). */
    private static final Map<String, String> AD_BIND_CODES = Map.of(
            "525", "no such account — check the bind DN/UPN",
            "52e", "invalid credentials (LDAP 49) — check the audit account's password",
            "530", "logon not permitted at this time (LDAP 49) — check the account's logon hours",
            "531", "logon not permitted from this workstation (LDAP 49) — check the account's userWorkstations",
            "532", "password expired (LDAP 49) — set a new password for the audit account",
            "533", "account disabled (LDAP 49) — enable the audit account",
            "701", "account expired (LDAP 49) — extend the audit account's expiry date",
            "773", "password must be changed (LDAP 49) — set a new password for the audit account",
            "775", "account locked out (LDAP 49) — unlock the audit account and check its password");
    private static final Pattern AD_DATA = Pattern.compile("data ([0-9a-fA-F]{3})");

    /** Waits between attempts; replaced in tests. */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final LdapTarget target;
    private final Sleeper sleeper;
    private final Duration firstBackoff;
    private final HostnameVerifier hostnameVerifier;

    LdapConnector(LdapTarget target, Sleeper sleeper, Duration firstBackoff) {
        // UnboundID's verifier: DNS and IP subjectAltNames (CN only without SAN), wildcards allowed. Note that it
        // accepts any certificate for a loopback address (127.0.0.1, localhost).
        this(target, sleeper, firstBackoff, new HostNameSSLSocketVerifier(true));
    }

    LdapConnector(LdapTarget target, Sleeper sleeper, Duration firstBackoff, HostnameVerifier hostnameVerifier) {
        this.target = target;
        this.sleeper = sleeper;
        this.firstBackoff = firstBackoff;
        this.hostnameVerifier = hostnameVerifier;
    }

    LdapTarget target() {
        return target;
    }

    /**
     * Connects and binds, retrying up to {@code maxAttempts} times while the DC is unreachable.
     *
     * @throws CollectionException when every attempt failed, or on the first failure that a retry cannot fix
     *                             (untrusted certificate, TLS failure, refused bind)
     */
    LDAPConnection open() throws CollectionException {
        int max = target.maxAttempts();
        for (int attempt = 1; ; attempt++) {
            try {
                return openOnce();
            } catch (CollectionException e) {
                if (e.reason() != Reason.UNREACHABLE || attempt >= max) {
                    if (e.reason() == Reason.UNREACHABLE && max > 1) {
                        throw new CollectionException(e.reason(), e.getMessage() + " (gave up after " + max
                                + " attempts)", e.getCause());
                    }
                    throw e;
                }
                Duration wait = backoff(attempt);
                LOG.warn("{} — attempt {}/{}, retrying in {} ms", e.getMessage(), attempt, max, wait.toMillis());
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** Delay before the attempt after {@code attempt}: firstBackoff x 2^(attempt-1), at most 16 s. */
    Duration backoff(int attempt) {
        Duration d = firstBackoff.multipliedBy(1L << Math.min(attempt - 1, 20));
        return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
    }

    /** One attempt, no retry (also used to reconnect after a connection was lost mid-collection). */
    LDAPConnection openOnce() throws CollectionException {
        RecordingTrustManager trust = target.transport() == Transport.PLAIN_INSECURE ? null
                : new RecordingTrustManager(trustManager());
        LDAPConnection connection = null;
        boolean ok = false;
        try {
            SSLContext tls = trust == null ? null : new SSLUtil(trust).createSSLContext("TLSv1.2");
            LDAPConnectionOptions options = options();
            connection = target.transport() == Transport.LDAPS
                    ? new LDAPConnection(tls.getSocketFactory(), options)
                    : new LDAPConnection(options);
            connection.setConnectionName("vigie-collect");
            connect(connection, trust);
            if (target.transport() == Transport.STARTTLS) {
                startTls(connection, tls, trust);
            }
            if (trust != null) {
                verifyHostName(connection, trust);
            }
            bind(connection, trust);
            ok = true;
            return connection;
        } catch (GeneralSecurityException e) {
            throw new CollectionException(Reason.TLS_FAILED, "cannot set up TLS for " + target.address() + ": "
                    + e.getMessage(), e);
        } finally {
            if (!ok && connection != null) {
                connection.close();
            }
        }
    }

    private LDAPConnectionOptions options() {
        LDAPConnectionOptions o = new LDAPConnectionOptions();
        o.setConnectTimeoutMillis((int) Math.min(Math.max(1, target.connectTimeout().toMillis()), Integer.MAX_VALUE));
        o.setResponseTimeoutMillis(Math.max(1, target.responseTimeout().toMillis()));
        o.setFollowReferrals(false);
        o.setUseSynchronousMode(true);
        o.setAbandonOnTimeout(true);
        o.setUseKeepAlive(true);
        return o;
    }

    private X509TrustManager trustManager() throws CollectionException {
        TrustPolicy policy = target.trust();
        if (policy instanceof TrustPolicy.SystemDefault) {
            return JVMDefaultTrustManager.getInstance();
        }
        if (policy instanceof TrustPolicy.TrustStore store) {
            if (!Files.isReadable(store.file())) {
                throw new CollectionException(Reason.TLS_FAILED, "trust store " + store.file()
                        + " does not exist or is not readable — check the --trust-store path", null);
            }
            String name = store.file().getFileName().toString().toLowerCase(Locale.ROOT);
            String format = name.endsWith(".jks") ? "JKS" : "PKCS12";
            char[] pin = store.password().map(s -> s.chars()).orElse(null);
            return new TrustStoreTrustManager(store.file().toFile(), pin, format, true);
        }
        if (policy instanceof TrustPolicy.PinnedCertificate pinned) {
            try {
                return new PinnedCertificateTrustManager(pinned.sha256());
            } catch (IllegalArgumentException e) {
                throw new CollectionException(Reason.TLS_FAILED, e.getMessage() + " — copy the fingerprint printed by "
                        + "'openssl x509 -noout -fingerprint -sha256'", e);
            }
        }
        return new TrustAllTrustManager(false);
    }

    private boolean verifiesHostName() {
        return target.trust() instanceof TrustPolicy.SystemDefault || target.trust() instanceof TrustPolicy.TrustStore;
    }

    private void connect(LDAPConnection connection, RecordingTrustManager trust) throws CollectionException {
        try {
            connection.connect(target.host(), target.port());
        } catch (LDAPException e) {
            throw classifyConnectFailure(e, trust);
        }
    }

    private void startTls(LDAPConnection connection, SSLContext tls, RecordingTrustManager trust)
            throws CollectionException {
        ExtendedResult result;
        try {
            result = connection.processExtendedOperation(new StartTLSExtendedRequest(tls));
        } catch (LDAPException e) {
            if (e.getResultCode() != ResultCode.SUCCESS && trust.presented().isEmpty() && !hasCause(e, SSLException.class)
                    && e.getResultCode() != ResultCode.SERVER_DOWN && e.getResultCode() != ResultCode.CONNECT_ERROR) {
                throw startTlsRefused(e.getResultCode(), e.getDiagnosticMessage(), e);
            }
            throw classifyConnectFailure(e, trust);
        }
        if (result.getResultCode() != ResultCode.SUCCESS) {
            throw startTlsRefused(result.getResultCode(), result.getDiagnosticMessage(), null);
        }
    }

    private CollectionException startTlsRefused(ResultCode code, String diagnostic, Throwable cause) {
        return new CollectionException(Reason.TLS_FAILED, "the DC at " + target.address() + " refused StartTLS ("
                + describe(code, diagnostic) + ") — use LDAPS on port 636, or give the DC a certificate", cause);
    }

    private void verifyHostName(LDAPConnection connection, RecordingTrustManager trust) throws CollectionException {
        if (!verifiesHostName()) {
            return;
        }
        SSLSession session = connection.getSSLSession();
        if (session == null) {
            throw new CollectionException(Reason.TLS_FAILED, "no TLS session with " + target.address()
                    + " after the handshake — retry, or check the DC's TLS configuration", null);
        }
        if (!hostnameVerifier.verify(target.host(), session)) {
            X509Certificate cert = trust.presented().orElse(null);
            String names = cert == null ? "?" : String.join(", ", subjectNames(cert));
            throw new CollectionException(Reason.TLS_UNTRUSTED, "certificate of " + target.address()
                    + " is not valid for the name '" + target.host() + "' (it names: " + names + "; subject "
                    + (cert == null ? "?" : cert.getSubjectX500Principal().getName()) + ", SHA-256 "
                    + (cert == null ? "?" : PinnedCertificateTrustManager.fingerprint(cert))
                    + ") — connect with a name the certificate lists, or give --pin-sha256", null);
        }
    }

    private void bind(LDAPConnection connection, RecordingTrustManager trust) throws CollectionException {
        byte[] password = target.password().utf8();
        try {
            if (password.length == 0) {
                throw new CollectionException(Reason.BIND_REFUSED, "bind refused for " + target.bindDn()
                        + ": the password is empty (an empty simple bind would be anonymous) — give the audit "
                        + "account's password", null);
            }
            connection.bind(new SimpleBindRequest(target.bindDn(), password));
        } catch (LDAPException e) {
            ResultCode rc = e.getResultCode();
            if (rc == ResultCode.SERVER_DOWN || rc == ResultCode.CONNECT_ERROR || rc == ResultCode.TIMEOUT) {
                throw classifyConnectFailure(e, trust);
            }
            throw new CollectionException(Reason.BIND_REFUSED, "bind refused for " + target.bindDn() + ": "
                    + bindAdvice(rc, e.getDiagnosticMessage()), sanitized(e));
        } finally {
            Arrays.fill(password, (byte) 0);
        }
    }

    private String bindAdvice(ResultCode rc, String diagnostic) {
        if (rc == ResultCode.INVALID_CREDENTIALS) {
            if (diagnostic != null) {
                Matcher m = AD_DATA.matcher(diagnostic);
                if (m.find() && AD_BIND_CODES.containsKey(m.group(1).toLowerCase(Locale.ROOT))) {
                    return AD_BIND_CODES.get(m.group(1).toLowerCase(Locale.ROOT));
                }
            }
            return "invalid credentials (LDAP 49) — check the audit account's password";
        }
        if (rc == ResultCode.STRONG_AUTH_REQUIRED || rc == ResultCode.CONFIDENTIALITY_REQUIRED) {
            return "the DC requires an encrypted connection (" + describe(rc, diagnostic) + ") — use LDAPS or StartTLS";
        }
        if (rc == ResultCode.INVALID_DN_SYNTAX) {
            return "the bind DN is not a valid DN (" + describe(rc, diagnostic)
                    + ") — give a DN (CN=audit,OU=...,DC=...) or a UPN (audit@domain)";
        }
        return describe(rc, diagnostic) + " — check the audit account (bind DN, password, account state)";
    }

    /** An LDAP exception with only its result code and diagnostic, so no request detail can leak. */
    private static LDAPException sanitized(LDAPException e) {
        return new LDAPException(e.getResultCode(), e.getDiagnosticMessage() == null ? e.getResultCode().getName()
                : e.getDiagnosticMessage());
    }

    private CollectionException classifyConnectFailure(LDAPException e, RecordingTrustManager trust) {
        if (trust != null && trust.rejection().isPresent()) {
            X509Certificate cert = trust.presented().orElse(null);
            String who = cert == null ? "no certificate"
                    : "subject " + cert.getSubjectX500Principal().getName() + ", issuer "
                            + cert.getIssuerX500Principal().getName() + ", SHA-256 "
                            + PinnedCertificateTrustManager.fingerprint(cert);
            String why = trust.rejection().get().getMessage();
            return new CollectionException(Reason.TLS_UNTRUSTED, "certificate not trusted: " + who + " (" + why
                    + ") — give --trust-store with the CA that signed it, or --pin-sha256 with its fingerprint", e);
        }
        Throwable io = firstCause(e, ConnectException.class, UnknownHostException.class, NoRouteToHostException.class,
                SocketTimeoutException.class);
        String where = target.address();
        if (io instanceof UnknownHostException) {
            return new CollectionException(Reason.UNREACHABLE, "DC unreachable at " + where
                    + " (unknown host name) — check the host name and DNS", e);
        }
        if (io instanceof ConnectException || io instanceof NoRouteToHostException) {
            String what = io instanceof NoRouteToHostException ? "no route to host" : "connection refused";
            return new CollectionException(Reason.UNREACHABLE, "DC unreachable at " + where + " (" + what
                    + ") — check host/port/firewall", e);
        }
        if (io instanceof SocketTimeoutException || e.getResultCode() == ResultCode.TIMEOUT) {
            return new CollectionException(Reason.UNREACHABLE, "DC unreachable at " + where + " (no answer within "
                    + target.connectTimeout().toMillis() + " ms) — check host/port/firewall", e);
        }
        // A TCP connection that was accepted and then reset or closed before any certificate was seen is a server
        // that does not speak TLS on this port (Samba resets a TLS ClientHello on its plain port 389).
        boolean droppedDuringHandshake = target.transport() == Transport.LDAPS && trust != null
                && trust.presented().isEmpty() && hasCause(e, java.net.SocketException.class);
        if (trust != null && (hasCause(e, SSLException.class) || droppedDuringHandshake || trust.presented().isEmpty()
                && target.transport() == Transport.LDAPS && e.getResultCode() != ResultCode.CONNECT_ERROR)) {
            return new CollectionException(Reason.TLS_FAILED, "TLS handshake with " + where + " failed ("
                    + rootMessage(e) + ") — check that this port speaks " + (target.transport() == Transport.LDAPS
                            ? "LDAPS (usually 636)" : "StartTLS (usually 389)") + " and that the DC has a certificate", e);
        }
        return new CollectionException(Reason.UNREACHABLE, "DC unreachable at " + where + " (" + rootMessage(e)
                + ") — check host/port/firewall", e);
    }

    private static String describe(ResultCode rc, String diagnostic) {
        String base = rc.getName() + " (LDAP " + rc.intValue() + ")";
        return diagnostic == null || diagnostic.isBlank() ? base : base + ": " + diagnostic.trim();
    }

    private static List<String> subjectNames(X509Certificate cert) {
        List<String> out = new ArrayList<>();
        try {
            if (cert.getSubjectAlternativeNames() != null) {
                for (List<?> san : cert.getSubjectAlternativeNames()) {
                    out.add(String.valueOf(san.get(1)));
                }
            }
        } catch (CertificateParsingException ignored) {
            // fall back to the subject only
        }
        if (out.isEmpty()) {
            out.add(cert.getSubjectX500Principal().getName());
        }
        return out;
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        return firstCause(t, type) != null;
    }

    @SafeVarargs
    private static Throwable firstCause(Throwable t, Class<? extends Throwable>... types) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            for (Class<? extends Throwable> type : types) {
                if (type.isInstance(c)) {
                    return c;
                }
            }
        }
        return null;
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage();
        if (root instanceof IOException && m != null) {
            return m;
        }
        return m == null ? root.getClass().getSimpleName() : m;
    }

}
