package io.deepmail.core;

import org.jspecify.annotations.Nullable;

/**
 * The server understood a command and refused it. Protocol modules subclass this with their own
 * detail (IMAP NO/BAD/BYE, SMTP reply codes, POP3 -ERR) and say whether the refusal is transient.
 *
 * @since 0.1
 */
public abstract non-sealed class CommandFailedException extends MailClientException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates a command failure.
     *
     * @param message the command and the server's reply text
     * @param cause the underlying failure, if any
     */
    protected CommandFailedException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }

    /**
     * Whether the server marked the failure as permanent. Exactly one of {@link #isTransient()}
     * and this is {@code true}.
     *
     * @return {@code true} for a permanent refusal
     */
    public boolean isPermanent() {
        return !isTransient();
    }

    /**
     * The protocol's machine-readable response code, for example {@code "AUTHENTICATIONFAILED"},
     * {@code "SYS/TEMP"} or {@code "5.7.8"}.
     *
     * @return the code, or {@code null} when the server sent none
     */
    public abstract @Nullable String responseCode();
}
