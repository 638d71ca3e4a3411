package io.deepmail.core.dns;

/**
 * How far a DNS answer can be trusted (REQUIREMENTS §1.5, §7.2).
 *
 * @since 0.1
 */
public enum DnssecStatus {

    /** Validated up to a trust anchor: the AD bit from a resolver configured as trusted. */
    SECURE,

    /** Provably unsigned, or from a resolver not configured as trusted. */
    INSECURE,

    /** Signatures should be there but fail validation: treat as an attack. */
    BOGUS,

    /** No decision was possible (timeout, network failure, unexpected error): handled like {@link #BOGUS}. */
    INDETERMINATE;

    /**
     * Whether an answer with this status may be used at all (REQUIREMENTS §7.2: bogus and
     * indeterminate answers are never used).
     *
     * @return {@code true} for SECURE and INSECURE
     */
    public boolean usable() {
        return this == SECURE || this == INSECURE;
    }
}
