package io.deepmail.core.security;

/**
 * How the server's certificate was authenticated.
 *
 * @since 0.1
 */
public enum AuthenticationMethod {

    /** RFC 5280 path to a local trust anchor and the RFC 7817 name check. */
    PKIX,

    /** A DANE-EE (usage 3) TLSA record matched the leaf; no path, date or name check (RFC 7671 §5.1). */
    DANE_EE,

    /** A DANE-TA (usage 2) TLSA record matched an anchor in the chain, and names were checked (RFC 7671 §5.2). */
    DANE_TA,

    /**
     * A PKIX-TA (usage 0) TLSA record matched a CA certificate on the server's path, and full PKIX
     * against the local trust store passed, names included (RFC 6698 §2.1.1, RFC 7671 §5.4). Both
     * checks held, so the session earns {@code CERT_PKIX} and {@code CERT_DANE} (MUA-STS
     * {@code pkix+dane}).
     */
    DANE_PKIX_TA,

    /**
     * A PKIX-EE (usage 1) TLSA record matched the server certificate, and full PKIX against the local
     * trust store passed, names included (RFC 6698 §2.1.1, RFC 7671 §5.3). Both checks held, so the
     * session earns {@code CERT_PKIX} and {@code CERT_DANE} (MUA-STS {@code pkix+dane}).
     */
    DANE_PKIX_EE,

    /** A certificate the user accepted at account setup. Never level 1 (RFC 8314 §5.3, §5.4). */
    PINNED,

    /** No authentication: cleartext. */
    NONE
}
