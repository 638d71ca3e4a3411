package io.deepmail.core;

import org.jspecify.annotations.Nullable;

/**
 * The connection could not be opened, was closed or reset, or cannot take more work. Transient:
 * trying again later, on the same or another candidate that meets the same policy, may succeed.
 *
 * @since 0.1
 */
public non-sealed class ConnectionException extends MailClientException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates a connection failure.
     *
     * @param message what happened
     * @param cause the underlying I/O failure, if any
     */
    public ConnectionException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }

    /**
     * Creates a connection failure without a cause.
     *
     * @param message what happened
     */
    public ConnectionException(String message) {
        this(message, null);
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
