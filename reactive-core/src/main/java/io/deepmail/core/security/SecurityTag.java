package io.deepmail.core.security;

/**
 * The boolean security tags of REQUIREMENTS §2.2, each a property the client itself observed in a
 * finished handshake. The valued tags {@code TLS_VERSION} and {@code CIPHER} are carried by
 * {@link SessionSecurity#tlsVersion()} and {@link SessionSecurity#cipherSuite()}.
 *
 * @since 0.1
 */
public enum SecurityTag {

    /** The handshake completed and every application byte after it flows inside TLS. */
    TLS,

    /** TLS from byte 0 on an Implicit-TLS endpoint (993/995/465 or an {@code _imaps}-style SRV target). */
    IMPLICIT,

    /**
     * The chain validated to a trust anchor (RFC 5280) and the RFC 7817 identity check passed. A
     * pinned or user-accepted certificate never earns it (TAG-02).
     */
    CERT_PKIX,

    /** A DNSSEC-secure, usable TLSA RRset authenticated the server (RFC 6698/7671/7673). */
    CERT_DANE,

    /**
     * Forward-secret key exchange: every full TLS 1.3 handshake, and TLS 1.2 suites with ECDHE or
     * DHE. Static-RSA key transport never (TAG-03).
     */
    PFS
}
