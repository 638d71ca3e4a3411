package io.deepmail.core;

/**
 * How TLS is brought up on a connection.
 *
 * @since 0.1
 */
public enum TransportMode {

    /** TLS from the first byte (RFC 8314 §3): 993, 995, 465. */
    IMPLICIT,

    /** A cleartext connection upgraded in-band with STARTTLS or STLS: 143, 110, 587. */
    STARTTLS,

    /**
     * No TLS at all. Reachable only through {@link io.deepmail.core.tls.TlsPolicy#PLAINTEXT_UNSAFE}
     * on a level-0 account with an explicit opt-in.
     */
    PLAINTEXT
}
