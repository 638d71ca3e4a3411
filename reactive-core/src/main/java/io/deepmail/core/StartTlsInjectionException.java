package io.deepmail.core;

import org.jspecify.annotations.Nullable;

/**
 * Plaintext bytes followed the server's STARTTLS go-ahead before the TLS handshake: a response-injection attack (CVE-2011-0411 class, TLS-11). The bytes were discarded unread and the connection closed.
 *
 * @since 0.1
 */
public class StartTlsInjectionException extends TlsPolicyException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the failure.
     *
     * @param message what failed and what to check
     * @param cause the underlying failure, if any
     */
    public StartTlsInjectionException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }

    /**
     * Creates the failure without a cause.
     *
     * @param message what failed and what to check
     */
    public StartTlsInjectionException(String message) {
        this(message, null);
    }
}
