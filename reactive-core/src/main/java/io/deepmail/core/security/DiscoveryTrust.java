package io.deepmail.core.security;

/**
 * Where the endpoint came from, and how far its DNS data can be trusted (REQUIREMENTS §5.3 step 7).
 *
 * @since 0.1
 */
public enum DiscoveryTrust {

    /** An RFC 6186 SRV answer that DNSSEC validated. */
    SRV_SECURE,

    /** An RFC 6186 SRV answer without DNSSEC, inside the user's domain or confirmed by the user. */
    SRV_INSECURE,

    /** A host the user or application configured. */
    MANUAL
}
