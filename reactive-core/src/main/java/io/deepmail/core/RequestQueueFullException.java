package io.deepmail.core;

/**
 * An exchange was refused because the connection already holds as many pending exchanges as it
 * is allowed to queue. Nothing of the refused exchange was sent, and the connection stays usable:
 * the exchanges already queued are unaffected.
 *
 * <p>A {@link ConnectionException}, and so transient: the same exchange may succeed once earlier
 * ones have completed, or on another connection.
 *
 * @since 0.1
 */
public final class RequestQueueFullException extends ConnectionException {

    private static final long serialVersionUID = 1L;

    /** The bound on pending exchanges that was reached. */
    private final int limit;

    /**
     * Creates the failure.
     *
     * @param limit the number of pending exchanges the connection allows
     */
    public RequestQueueFullException(int limit) {
        super(limit + " exchanges are already pending on this connection; wait for some to complete,"
                + " use another connection, or raise maxPendingConversations");
        this.limit = limit;
    }

    /**
     * The configured bound that was reached.
     *
     * @return the maximum number of pending exchanges
     */
    public int limit() {
        return limit;
    }
}
