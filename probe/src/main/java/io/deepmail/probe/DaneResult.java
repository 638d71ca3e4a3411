package io.deepmail.probe;

/**
 * How DANE (RFC 7672, RFC 7673) applied to one endpoint.
 *
 * @since 0.1
 */
public enum DaneResult {

    /** No usable, DNSSEC-secure TLSA record applied; PKIX decided (DANE-02). */
    NOT_USED,

    /** A secure TLSA record matched the server's certificate (DANE-01, DANE-05). */
    VERIFIED,

    /** Usable TLSA records existed and none matched: refused, never a fallback to PKIX. */
    FAILED,

    /** The TLSA or address answer was bogus or indeterminate: refused before TCP (DANE-03). */
    BOGUS
}
