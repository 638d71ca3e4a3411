package io.deepmail.core;

import org.jspecify.annotations.Nullable;

/**
 * The server sent data that breaks the protocol: a malformed reply, a line or literal beyond the
 * configured limits, or a response nobody asked for where none may appear. The connection is
 * closed, because the client can no longer tell where the next reply starts.
 *
 * @since 0.1
 */
public non-sealed class ProtocolViolationException extends MailClientException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates a protocol violation.
     *
     * @param message what was malformed, without echoing more than a short excerpt of server data
     * @param cause the decoder failure, if any
     */
    public ProtocolViolationException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }

    /**
     * Creates a protocol violation without a cause.
     *
     * @param message what was malformed
     */
    public ProtocolViolationException(String message) {
        this(message, null);
    }
}
