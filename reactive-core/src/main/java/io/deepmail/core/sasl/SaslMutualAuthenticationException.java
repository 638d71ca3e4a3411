package io.deepmail.core.sasl;

import io.deepmail.core.TlsPolicyException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The server failed to prove that it knows the user's password: its SCRAM signature did not
 * verify, or it reported success without sending one (RFC 5802 §5.1, §9). The server is not who
 * the session took it for: either it does not hold the user's SCRAM verifier, or someone on the
 * path terminated TLS with a certificate the client trusted.
 *
 * <p>Why a {@link TlsPolicyException} rather than a {@link io.deepmail.core.ProtocolViolationException}:
 * the message was well-formed; what failed is the peer's identity, the same question the
 * certificate check answers. And the category's contract is exactly what this failure needs:
 * never transient, and never a reason to retry on a weaker path, since falling back to PLAIN would
 * hand the password to the very peer that could not prove it knows it. Unlike the other TLS policy
 * failures, the SCRAM client proof was sent; the password itself never was.
 *
 * @since 0.1
 */
public final class SaslMutualAuthenticationException extends TlsPolicyException {

    private static final long serialVersionUID = 1L;

    /** The mechanism whose server proof failed. */
    private final String mechanism;

    /**
     * Creates the failure.
     *
     * @param mechanism the mechanism name
     * @param what what the server did wrong, without any secret
     * @param cause the underlying failure, if any
     */
    public SaslMutualAuthenticationException(String mechanism, String what, @Nullable Throwable cause) {
        super(mechanism + ": " + what + "; the server did not prove it knows the password, so the session"
                + " was abandoned (check for a TLS-intercepting proxy)", cause);
        this.mechanism = Objects.requireNonNull(mechanism, "mechanism");
    }

    /**
     * The mechanism whose server proof failed.
     *
     * @return the name, for example {@code "SCRAM-SHA-256"}
     */
    public String mechanism() {
        return mechanism;
    }
}
