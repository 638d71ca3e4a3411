package io.deepmail.core.security;

import io.deepmail.core.Endpoint;
import io.deepmail.core.TransportMode;
import io.deepmail.core.tls.TlsProvider;
import io.deepmail.core.tls.TlsVersion;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * What protected one connection: one immutable value per session (TAG-01..07, TLS-21). Tags and the
 * level are derived here, from observed facts only, exactly as REQUIREMENTS §2.2 and §2.3 say; there
 * is no way to construct a record that claims more than was observed.
 *
 * @param endpoint the endpoint connected to
 * @param remoteAddress the address actually connected to
 * @param provider the TLS implementation that handshook, or {@link TlsProvider#NONE}
 * @param tlsVersion the negotiated protocol, e.g. {@code TLSv1.3}, or {@code null} in cleartext
 * @param cipherSuite the negotiated suite as an RFC 8314 §4.3 token, or {@code null} in cleartext
 * @param peerChain the certificates the server sent, leaf first
 * @param authentication how the server was authenticated
 * @param identityCompat whether the name matched only through the CN-ID compatibility flag (ID-06)
 * @param discoveryTrust where the endpoint came from
 * @since 0.1
 */
public record SessionSecurity(
        Endpoint endpoint,
        InetSocketAddress remoteAddress,
        TlsProvider provider,
        @Nullable String tlsVersion,
        @Nullable String cipherSuite,
        List<X509Certificate> peerChain,
        AuthenticationMethod authentication,
        boolean identityCompat,
        DiscoveryTrust discoveryTrust) {

    /**
     * Validates that the facts are consistent.
     *
     * @param endpoint the endpoint
     * @param remoteAddress the address
     * @param provider the provider
     * @param tlsVersion the version
     * @param cipherSuite the suite
     * @param peerChain the chain
     * @param authentication the method
     * @param identityCompat the compat flag
     * @param discoveryTrust the trust
     */
    public SessionSecurity {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(remoteAddress, "remoteAddress");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(authentication, "authentication");
        Objects.requireNonNull(discoveryTrust, "discoveryTrust");
        peerChain = List.copyOf(peerChain);
        boolean tls = provider != TlsProvider.NONE;
        if (tls != (tlsVersion != null) || tls != (cipherSuite != null)) {
            throw new IllegalArgumentException("a TLS session needs a provider, a version and a cipher suite");
        }
        if (!tls && (authentication != AuthenticationMethod.NONE || endpoint.mode() != TransportMode.PLAINTEXT)) {
            throw new IllegalArgumentException("a cleartext session is unauthenticated and on a PLAINTEXT endpoint");
        }
        if (cipherSuite != null) {
            cipherSuite = CipherSuites.ianaToken(cipherSuite);
        }
    }

    /**
     * The cleartext record for a session without TLS.
     *
     * @param endpoint the PLAINTEXT endpoint
     * @param remoteAddress the address connected to
     * @param discoveryTrust where the endpoint came from
     * @return a level-0 record without tags
     */
    public static SessionSecurity cleartext(Endpoint endpoint, InetSocketAddress remoteAddress,
            DiscoveryTrust discoveryTrust) {
        return new SessionSecurity(endpoint, remoteAddress, TlsProvider.NONE, null, null, List.of(),
                AuthenticationMethod.NONE, false, discoveryTrust);
    }

    /**
     * The boolean tags this session earned (TAG-01).
     *
     * @return an unmodifiable set, in declaration order
     */
    public Set<SecurityTag> tags() {
        EnumSet<SecurityTag> tags = EnumSet.noneOf(SecurityTag.class);
        if (tlsVersion == null || cipherSuite == null) {
            return Collections.unmodifiableSet(tags);
        }
        tags.add(SecurityTag.TLS);
        if (endpoint.mode() == TransportMode.IMPLICIT) {
            tags.add(SecurityTag.IMPLICIT);
        }
        switch (authentication) {
            case PKIX -> tags.add(SecurityTag.CERT_PKIX);
            case DANE_EE, DANE_TA -> tags.add(SecurityTag.CERT_DANE);
            case DANE_PKIX_TA, DANE_PKIX_EE -> {
                // PKIX-TA/PKIX-EE: the TLSA record matched and full PKIX passed as well.
                tags.add(SecurityTag.CERT_PKIX);
                tags.add(SecurityTag.CERT_DANE);
            }
            default -> {
                // PINNED and NONE earn no certificate tag (TAG-02).
            }
        }
        if (CipherSuites.isForwardSecret(tlsVersion, cipherSuite)) {
            tags.add(SecurityTag.PFS);
        }
        return Collections.unmodifiableSet(tags);
    }

    /**
     * Whether the session earned a tag.
     *
     * @param tag the tag
     * @return {@code true} when present
     */
    public boolean has(SecurityTag tag) {
        return tags().contains(tag);
    }

    /**
     * The confidentiality level that actually holds (TAG-04, TAG-05): level 1 exactly when TLS 1.2
     * or later ran and the server was authenticated by PKIX or DANE.
     *
     * @return the level
     */
    public ConfidentialityLevel level() {
        Set<SecurityTag> tags = tags();
        boolean authenticated = tags.contains(SecurityTag.CERT_PKIX) || tags.contains(SecurityTag.CERT_DANE);
        boolean modernTls = tlsVersion != null && TlsVersion.fromProtocolName(tlsVersion).isPresent();
        return tags.contains(SecurityTag.TLS) && authenticated && modernTls
                ? ConfidentialityLevel.VERIFIED
                : ConfidentialityLevel.NONE;
    }

    /**
     * One line in the style of Postfix's TLS log (TAG-07), for example
     * {@code Verified TLS connection established to mail.example.test[127.0.0.1]:993: TLSv1.3 with
     * cipher TLS_AES_256_GCM_SHA384 (256/256 bits) level=1 tags=TLS,IMPLICIT,CERT_PKIX,PFS}.
     * The first word is {@code Verified} for PKIX or DANE, {@code Untrusted} for a certificate that
     * was not verified, and {@code Anonymous} when the server sent none.
     *
     * @return the line, without a trailing newline
     */
    public String logLine() {
        String where = endpoint.host() + "[" + remoteAddress.getAddress().getHostAddress() + "]:" + endpoint.port();
        if (tlsVersion == null || cipherSuite == null) {
            return "Cleartext connection established to " + where + ": no TLS level=0 tags=";
        }
        String trust;
        if (has(SecurityTag.CERT_PKIX) || has(SecurityTag.CERT_DANE)) {
            trust = "Verified";
        } else if (peerChain.isEmpty()) {
            trust = "Anonymous";
        } else {
            trust = "Untrusted";
        }
        int bits = CipherSuites.strengthBits(cipherSuite);
        String strength = bits > 0 ? " (" + bits + "/" + bits + " bits)" : "";
        String tagList = tags().stream().map(t -> t == SecurityTag.CERT_PKIX && identityCompat ? "CERT_PKIX(compat)"
                : t.name()).collect(Collectors.joining(","));
        return trust + " TLS connection established to " + where + ": " + tlsVersion + " with cipher " + cipherSuite
                + strength + " level=" + level().value() + " tags=" + tagList;
    }
}
