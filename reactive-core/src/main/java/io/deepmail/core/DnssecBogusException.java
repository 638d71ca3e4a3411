package io.deepmail.core;

import org.jspecify.annotations.Nullable;

/**
 * A DNS answer that decides how a server is authenticated was BOGUS or INDETERMINATE: its DNSSEC
 * signatures failed validation, or no decision was possible. Such an answer may be an attack, so it is
 * never used and the target it belongs to is not connected to (RFC 7673 §3.2, §3.4; REQUIREMENTS
 * §7.2, §8.3; DANE-03). Other targets of the same service may still be tried.
 *
 * @since 0.1
 */
public class DnssecBogusException extends TlsPolicyException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the failure.
     *
     * @param message what failed and what to check
     * @param cause the underlying failure, if any
     */
    public DnssecBogusException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }

    /**
     * Creates the failure without a cause.
     *
     * @param message what failed and what to check
     */
    public DnssecBogusException(String message) {
        this(message, null);
    }
}
