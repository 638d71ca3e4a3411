package io.deepmail.core;

import org.jspecify.annotations.Nullable;

/**
 * Root of every error deepmail raises. The set of categories is closed: a failure is a
 * {@link ConnectionException}, a {@link MailTimeoutException}, a {@link TlsPolicyException}
 * (which includes certificate identity failures), a {@link ProtocolViolationException} or a
 * {@link CommandFailedException}. Protocol modules extend the non-sealed categories with their
 * own detail.
 *
 * <p>Messages are written for the person who has to act on them: they say what happened and,
 * where it helps, what to check.
 *
 * @since 0.1
 */
public abstract sealed class MailClientException extends RuntimeException
        permits ConnectionException, MailTimeoutException, TlsPolicyException, ProtocolViolationException,
        CommandFailedException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param message what happened, in words a user can act on
     * @param cause the underlying failure, if any
     */
    protected MailClientException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }

    /**
     * Whether retrying the same operation later may succeed. Security failures never are: a
     * {@link TlsPolicyException} must not be retried on a weaker path.
     *
     * @return {@code true} when the failure is transient
     */
    public boolean isTransient() {
        return false;
    }
}
