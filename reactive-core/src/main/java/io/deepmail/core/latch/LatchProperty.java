package io.deepmail.core.latch;

import io.deepmail.core.security.SecurityTag;

/**
 * What a latch check can find missing in a session. A closed, small set, so it is safe as a
 * metrics tag.
 *
 * @since 0.1
 */
public enum LatchProperty {

    /** The {@code TLS} tag, or TLS at all on an account without cleartext consent. */
    TLS,

    /** The {@code IMPLICIT} tag. */
    IMPLICIT,

    /** The {@code CERT_PKIX} tag. */
    CERT_PKIX,

    /** The {@code CERT_DANE} tag. */
    CERT_DANE,

    /** The {@code PFS} tag (L9). */
    PFS,

    /** A TLS version floor. */
    TLS_VERSION,

    /** The account-wide certificate latch: TLS and a validated certificate everywhere (L5, L16). */
    ACCOUNT_CERTIFICATE,

    /** The account's minimum confidentiality level (L1, L7). */
    MINIMUM_LEVEL,

    /** A pinned certificate that is not an active pin of this account (L11, L12). */
    PIN;

    /**
     * The property of a boolean tag.
     *
     * @param tag the tag
     * @return the property
     */
    public static LatchProperty of(SecurityTag tag) {
        return valueOf(tag.name());
    }
}
