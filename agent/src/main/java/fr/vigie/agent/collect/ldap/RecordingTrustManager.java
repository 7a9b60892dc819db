package fr.vigie.agent.collect.ldap;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.net.ssl.X509TrustManager;

/**
 * Delegates the trust decision and remembers the certificate the server presented and whether it was rejected, so
 * that a failed handshake can be reported with the certificate's subject and fingerprint. One instance per
 * connection attempt; thread-safe.
 */
final class RecordingTrustManager implements X509TrustManager {
    private final X509TrustManager delegate;
    private volatile X509Certificate presented;
    private volatile CertificateException rejection;

    RecordingTrustManager(X509TrustManager delegate) {
        this.delegate = delegate;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        presented = chain == null || chain.length == 0 ? null : chain[0];
        try {
            delegate.checkServerTrusted(chain, authType);
        } catch (CertificateException | RuntimeException e) {
            rejection = e instanceof CertificateException ce ? ce : new CertificateException(e.getMessage(), e);
            throw rejection;
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        delegate.checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return delegate.getAcceptedIssuers();
    }

    /** The server's certificate, once the handshake reached the trust decision. */
    Optional<X509Certificate> presented() {
        return Optional.ofNullable(presented);
    }

    /** Why the certificate was rejected; empty when it was accepted or never seen. */
    Optional<CertificateException> rejection() {
        return Optional.ofNullable(rejection);
    }
}
