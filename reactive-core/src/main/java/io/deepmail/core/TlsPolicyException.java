package io.deepmail.core;

import org.jspecify.annotations.Nullable;

/**
 * The connection did not meet the TLS policy: TLS was missing or refused, the negotiated
 * parameters fell below the floor, the certificate failed path validation or the identity check,
 * or the STARTTLS exchange was tampered with. Never transient, and never a reason to retry on a
 * weaker path (REQUIREMENTS §8.3, TLS-07). No credential has been sent when this is raised, with one
 * exception: a {@link io.deepmail.core.sasl.SaslMutualAuthenticationException} follows a SCRAM client
 * proof (never the password itself).
 *
 * @since 0.1
 */
public non-sealed class TlsPolicyException extends MailClientException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates a TLS policy failure.
     *
     * @param message what failed and what to check
     * @param cause the underlying TLS failure, if any
     */
    public TlsPolicyException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
