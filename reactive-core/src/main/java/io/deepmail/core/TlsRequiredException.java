package io.deepmail.core;

import org.jspecify.annotations.Nullable;

/**
 * The policy requires TLS and the only way forward was cleartext (REQUIREMENTS §8.3).
 *
 * @since 0.1
 */
public class TlsRequiredException extends TlsPolicyException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the failure.
     *
     * @param message what failed and what to check
     * @param cause the underlying failure, if any
     */
    public TlsRequiredException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }

    /**
     * Creates the failure without a cause.
     *
     * @param message what failed and what to check
     */
    public TlsRequiredException(String message) {
        this(message, null);
    }
}
