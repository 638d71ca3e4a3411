package io.deepmail.core.metrics;

/**
 * A live view of one connection pool's sizes, read by a metrics recorder whenever it samples its
 * gauges. Implementations read counters the pool keeps anyway: they must be cheap, thread-safe and
 * non-blocking.
 *
 * @since 0.1
 */
public interface PoolGauges {

    /**
     * Connections lent out now.
     *
     * @return the number of borrowed connections
     */
    int acquired();

    /**
     * Connections open and waiting in the pool.
     *
     * @return the number of idle connections
     */
    int idle();

    /**
     * Borrowers waiting for a connection.
     *
     * @return the number of pending acquires
     */
    int pendingAcquires();

    /**
     * Connections open now, idle or lent out.
     *
     * @return the number of allocated connections
     */
    int allocated();
}
