package io.deepmail.core;

import org.jspecify.annotations.Nullable;

/**
 * The server certificate chain did not validate to a trusted anchor (RFC 5280): it is self-signed, issued by an unknown root, expired, not yet valid or otherwise broken. Reported before any name check (ID-01).
 *
 * @since 0.1
 */
public class CertificatePathException extends TlsPolicyException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the failure.
     *
     * @param message what failed and what to check
     * @param cause the underlying failure, if any
     */
    public CertificatePathException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }

    /**
     * Creates the failure without a cause.
     *
     * @param message what failed and what to check
     */
    public CertificatePathException(String message) {
        this(message, null);
    }
}
