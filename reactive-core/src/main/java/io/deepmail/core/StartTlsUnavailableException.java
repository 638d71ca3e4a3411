package io.deepmail.core;

import org.jspecify.annotations.Nullable;

/**
 * The server did not advertise STARTTLS, or refused it (NO, -ERR, 454), while the policy requires TLS (TLS-15).
 *
 * @since 0.1
 */
public class StartTlsUnavailableException extends TlsPolicyException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the failure.
     *
     * @param message what failed and what to check
     * @param cause the underlying failure, if any
     */
    public StartTlsUnavailableException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }

    /**
     * Creates the failure without a cause.
     *
     * @param message what failed and what to check
     */
    public StartTlsUnavailableException(String message) {
        this(message, null);
    }
}
