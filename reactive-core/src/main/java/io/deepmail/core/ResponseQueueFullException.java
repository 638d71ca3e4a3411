package io.deepmail.core;

/**
 * The server delivered more responses for one subscriber than it had asked for, beyond the
 * configured buffer bound. The connection was closed and every pending exchange failed.
 *
 * <p>Why a {@link ProtocolViolationException}: reading follows demand, so responses pile up only
 * when the server sends far more, ahead of demand, than the configured limit allows: server data
 * beyond a configured limit, like an over-long line. Dropping one of those responses would leave
 * the client unable to tell which exchange the next response belongs to, which is exactly the
 * situation in which a protocol violation closes the connection. It is not transient: repeating
 * the same exchange with the same slow subscriber would overflow again. Raise
 * {@code maxBufferedResponses}, or consume faster.
 *
 * @since 0.1
 */
public final class ResponseQueueFullException extends ProtocolViolationException {

    private static final long serialVersionUID = 1L;

    /** The bound on buffered responses that was exceeded. */
    private final int limit;

    /**
     * Creates the failure.
     *
     * @param limit the number of undelivered responses one subscriber may have buffered
     */
    public ResponseQueueFullException(int limit) {
        super("more than " + limit + " responses arrived ahead of the subscriber's demand;"
                + " the connection was closed to keep responses and exchanges in step");
        this.limit = limit;
    }

    /**
     * The configured bound that was exceeded.
     *
     * @return the maximum number of buffered responses per subscriber
     */
    public int limit() {
        return limit;
    }
}
