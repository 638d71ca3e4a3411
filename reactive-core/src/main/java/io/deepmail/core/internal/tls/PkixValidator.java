package io.deepmail.core.internal.tls;

import io.deepmail.core.CertificatePathException;
import io.deepmail.core.tls.TrustAnchors;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.net.ssl.CertPathTrustManagerParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * RFC 5280 path validation of a server chain against {@link TrustAnchors}, with the JDK's PKIX
 * trust manager and revocation checking off (ID-01). A failure becomes a
 * {@link CertificatePathException} that says why in user terms: expired, not yet valid,
 * self-signed, unknown issuer. Host names are not checked here; that is
 * {@link io.deepmail.core.tls.IdentityVerifier}'s job, and it runs only after this has passed.
 *
 * <p>One instance, holding one trust manager, exists per {@code TrustAnchors} value. Building the
 * one for {@link TrustAnchors#system()} reads the JDK's trust store from disk: obtain it off the
 * event loop, e.g. when a client is built. {@link #validate} itself does no I/O.
 */
public final class PkixValidator {

    private static final ConcurrentMap<TrustAnchors, PkixValidator> CACHE = new ConcurrentHashMap<>();

    private final X509TrustManager trustManager;

    private PkixValidator(X509TrustManager trustManager) {
        this.trustManager = trustManager;
    }

    /**
     * The validator for a set of anchors, built on first use and then shared.
     *
     * @param anchors the system store, or explicit anchors
     * @return the validator
     * @throws IllegalStateException when the JDK's PKIX trust manager cannot be set up, e.g. when
     *     the system trust store is empty or unreadable
     */
    public static PkixValidator forAnchors(TrustAnchors anchors) {
        return CACHE.computeIfAbsent(anchors, a -> new PkixValidator(trustManager(roots(a))));
    }

    /**
     * A validator whose only trust anchor is one certificate, for a DANE-TA (or PKIX-TA) anchor named
     * by a TLSA record (RFC 7671 §5.2). Not cached: such anchors come from DNS, per connection. The
     * anchor's own validity dates are not checked (RFC 5280 §6.1.1 treats it as trusted input); those of
     * every certificate below it are. Does no I/O.
     *
     * @param anchor the certificate to trust
     * @return a new validator
     * @throws IllegalStateException when the JDK's PKIX trust manager cannot be set up
     */
    static PkixValidator forAnchor(X509Certificate anchor) {
        return new PkixValidator(trustManager(Set.of(new TrustAnchor(anchor, null))));
    }

    /**
     * The underlying trust manager, for TLS stacks that take one. It performs no endpoint
     * identification.
     *
     * @return the PKIX trust manager for these anchors
     */
    public X509TrustManager trustManager() {
        return trustManager;
    }

    /**
     * Validates a server chain.
     *
     * @param chain the chain as the server sent it, leaf first
     * @param authType the key exchange algorithm as passed to
     *     {@link X509TrustManager#checkServerTrusted}, e.g. {@code ECDHE_RSA}, or {@code UNKNOWN}
     * @throws CertificatePathException when the chain does not validate; the message says why
     */
    public void validate(List<X509Certificate> chain, String authType) {
        if (chain.isEmpty()) {
            throw new CertificatePathException("the server sent no certificate");
        }
        try {
            trustManager.checkServerTrusted(chain.toArray(X509Certificate[]::new), authType);
        } catch (CertificateException | IllegalArgumentException e) {
            throw new CertificatePathException(PathFailures.explain(chain, e), e);
        }
    }

    private static Set<TrustAnchor> roots(TrustAnchors anchors) {
        Set<TrustAnchor> roots = new HashSet<>();
        List<X509Certificate> certificates = anchors.certificates().orElseGet(PkixValidator::systemRoots);
        for (X509Certificate c : certificates) {
            roots.add(new TrustAnchor(c, null));
        }
        if (roots.isEmpty()) {
            throw new IllegalStateException("the system trust store holds no certificate");
        }
        return roots;
    }

    private static List<X509Certificate> systemRoots() {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init((KeyStore) null);
            return List.of(x509(tmf.getTrustManagers()).getAcceptedIssuers());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the system trust store: " + e.getMessage(), e);
        }
    }

    private static X509TrustManager trustManager(Set<TrustAnchor> roots) {
        try {
            PKIXBuilderParameters params = new PKIXBuilderParameters(roots, new X509CertSelector());
            params.setRevocationEnabled(false);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
            tmf.init(new CertPathTrustManagerParameters(params));
            return x509(tmf.getTrustManagers());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up PKIX validation: " + e.getMessage(), e);
        }
    }

    private static X509TrustManager x509(TrustManager[] managers) {
        for (TrustManager m : managers) {
            if (m instanceof X509TrustManager x) {
                return x;
            }
        }
        throw new IllegalStateException("the JDK offers no X509TrustManager");
    }
}
