package io.deepmail.core.security;

/**
 * The confidentiality level of REQUIREMENTS §2.3 (RFC 8314 §5, RFC 8997).
 *
 * @since 0.1
 */
public enum ConfidentialityLevel {

    /**
     * Level 0, no assurance: cleartext, or TLS with an unvalidated or pinned certificate. Never shown
     * to a user as protected (TAG-05).
     */
    NONE(0),

    /** Level 1: TLS 1.2 or later and the server authenticated by PKIX or DANE. The default minimum. */
    VERIFIED(1);

    private final int value;

    ConfidentialityLevel(int value) {
        this.value = value;
    }

    /**
     * The numeric level used in logs and metrics.
     *
     * @return 0 or 1
     */
    public int value() {
        return value;
    }

    /**
     * Whether this level meets the given minimum.
     *
     * @param minimum the required level
     * @return {@code true} when this level is at least {@code minimum}
     */
    public boolean meets(ConfidentialityLevel minimum) {
        return value >= minimum.value;
    }
}
