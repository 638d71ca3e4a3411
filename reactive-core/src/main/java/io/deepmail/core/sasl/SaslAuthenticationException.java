package io.deepmail.core.sasl;

import io.deepmail.core.CommandFailedException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The server refused the authentication and said why inside the SASL exchange: the JSON error of
 * XOAUTH2 and OAUTHBEARER (RFC 7628 §3.2.2), or a SCRAM server-error ({@code e=}, RFC 5802 §7).
 * The protocol's own refusal (IMAP NO, POP3 -ERR, SMTP 535), when there was one, is the cause.
 *
 * <p>Never transient as it stands: the same credentials would be refused again. An OAuth status
 * such as {@code invalid_token} or {@code 401} usually means the token expired; the
 * {@link io.deepmail.core.auth.CredentialsProvider} is asked again on the next connect.
 *
 * @since 0.1
 */
public final class SaslAuthenticationException extends CommandFailedException {

    private static final long serialVersionUID = 1L;

    /** The mechanism that was refused. */
    private final String mechanism;

    /** The server's status or error value. */
    private final @Nullable String status;

    /** The OAuth scope the server asked for. */
    private final @Nullable String scope;

    /**
     * Creates the failure.
     *
     * @param mechanism the mechanism name
     * @param status the OAuth {@code status} or SCRAM {@code e=} value, if the server sent one
     * @param scope the OAuth {@code scope} the server named, if any
     * @param cause the protocol's refusal, if any
     */
    public SaslAuthenticationException(String mechanism, @Nullable String status, @Nullable String scope,
            @Nullable Throwable cause) {
        super(message(mechanism, status, scope), cause);
        this.mechanism = Objects.requireNonNull(mechanism, "mechanism");
        this.status = status;
        this.scope = scope;
    }

    private static String message(String mechanism, @Nullable String status, @Nullable String scope) {
        return "the server refused SASL " + mechanism
                + (status == null ? "" : " with status " + status)
                + (scope == null ? "" : " (scope " + scope + ")");
    }

    /**
     * The mechanism the server refused.
     *
     * @return the name, for example {@code "OAUTHBEARER"}
     */
    public String mechanism() {
        return mechanism;
    }

    /**
     * The OAuth scope the server said the token needs, when it named one.
     *
     * @return the scope, or {@code null}
     */
    public @Nullable String scope() {
        return scope;
    }

    /**
     * The server's status: the OAuth {@code status} (for example {@code "invalid_token"} or
     * {@code "401"}) or the SCRAM server-error value (for example {@code "invalid-proof"}).
     *
     * @return the status, or {@code null} when the server sent none
     */
    @Override
    public @Nullable String responseCode() {
        return status;
    }
}
