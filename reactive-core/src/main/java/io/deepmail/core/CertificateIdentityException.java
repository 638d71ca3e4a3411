package io.deepmail.core;

import org.jspecify.annotations.Nullable;

/**
 * The certificate validated, but names none of the reference identifiers deepmail expected for this server (RFC 7817, RFC 9525; ID-01..08). The message lists every identifier that was tried.
 *
 * @since 0.1
 */
public class CertificateIdentityException extends TlsPolicyException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the failure.
     *
     * @param message what failed and what to check
     * @param cause the underlying failure, if any
     */
    public CertificateIdentityException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }

    /**
     * Creates the failure without a cause.
     *
     * @param message what failed and what to check
     */
    public CertificateIdentityException(String message) {
        this(message, null);
    }
}
