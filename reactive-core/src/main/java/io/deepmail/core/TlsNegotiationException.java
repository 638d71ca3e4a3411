package io.deepmail.core;

import org.jspecify.annotations.Nullable;

/**
 * The TLS handshake failed or negotiated parameters below policy: the server offers only versions older than TLS 1.2, only refused cipher suites, or broke off the handshake (TLS-01..04, TLS-16).
 *
 * @since 0.1
 */
public class TlsNegotiationException extends TlsPolicyException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the failure.
     *
     * @param message what failed and what to check
     * @param cause the underlying failure, if any
     */
    public TlsNegotiationException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }

    /**
     * Creates the failure without a cause.
     *
     * @param message what failed and what to check
     */
    public TlsNegotiationException(String message) {
        this(message, null);
    }
}
