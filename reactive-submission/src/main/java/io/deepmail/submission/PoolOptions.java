package io.deepmail.submission;

import java.time.Duration;
import java.util.Objects;

/**
 * Options of a {@link SubmissionPool}. Immutable; every {@code with} method returns a copy.
 *
 * @param maxConnections the most connections open at once per account and destination; sends
 *     beyond it wait for a connection to come back
 * @param maxIdleTime a connection idle for longer is closed instead of reused
 * @param maxLifetime a connection older than this is closed instead of reused
 * @param maxMessagesPerConnection a connection that carried this many messages is closed
 * @param validateAfterIdle a connection idle for longer is checked with NOOP before it is used; a
 *     failed check closes it and another one is borrowed
 * @param resubscribableContent whether the content publishers given to {@code send} may be
 *     subscribed to again. A send that fails with 421 or a dropped connection is retried once on a
 *     fresh connection when the content was not yet subscribed to; after that, only when this is
 *     {@code true}, which promises that every {@code Publisher<ByteBuf>} passed is cold (for
 *     example {@code Flux.defer(...)} producing new buffers each time). Otherwise the error is
 *     returned and the message is not sent twice by the pool. A connection lost after the final
 *     {@code CRLF.CRLF} or BDAT LAST but before the server's reply leaves it unknown whether the
 *     server took the message (RFC 1047); with this set, such a send is retried and may arrive twice.
 * @since 0.1
 */
public record PoolOptions(int maxConnections, Duration maxIdleTime, Duration maxLifetime, int maxMessagesPerConnection,
        Duration validateAfterIdle, boolean resubscribableContent) {

    /**
     * Validates the options.
     *
     * @param maxConnections the connection cap per destination, at least 1
     * @param maxIdleTime positive
     * @param maxLifetime positive
     * @param maxMessagesPerConnection at least 1
     * @param validateAfterIdle zero or positive
     * @param resubscribableContent whether content may be subscribed to again
     */
    public PoolOptions {
        if (maxConnections < 1 || maxMessagesPerConnection < 1) {
            throw new IllegalArgumentException("maxConnections and maxMessagesPerConnection must be at least 1");
        }
        requirePositive("maxIdleTime", maxIdleTime);
        requirePositive("maxLifetime", maxLifetime);
        if (Objects.requireNonNull(validateAfterIdle, "validateAfterIdle").isNegative()) {
            throw new IllegalArgumentException("validateAfterIdle must not be negative");
        }
    }

    private static void requirePositive(String name, Duration d) {
        if (Objects.requireNonNull(d, name).isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }

    /**
     * Four connections, 60 s idle, 10 min lifetime, 100 messages a connection, NOOP after 5 s idle,
     * content not assumed re-subscribable.
     *
     * @return the defaults
     */
    public static PoolOptions defaults() {
        return new PoolOptions(4, Duration.ofSeconds(60), Duration.ofMinutes(10), 100, Duration.ofSeconds(5), false);
    }

    /**
     * @param n the connection cap per destination
     * @return a copy
     */
    public PoolOptions withMaxConnections(int n) {
        return new PoolOptions(n, maxIdleTime, maxLifetime, maxMessagesPerConnection, validateAfterIdle,
                resubscribableContent);
    }

    /**
     * @param d the idle limit
     * @return a copy
     */
    public PoolOptions withMaxIdleTime(Duration d) {
        return new PoolOptions(maxConnections, d, maxLifetime, maxMessagesPerConnection, validateAfterIdle,
                resubscribableContent);
    }

    /**
     * @param d the age limit
     * @return a copy
     */
    public PoolOptions withMaxLifetime(Duration d) {
        return new PoolOptions(maxConnections, maxIdleTime, d, maxMessagesPerConnection, validateAfterIdle,
                resubscribableContent);
    }

    /**
     * @param n the message limit per connection
     * @return a copy
     */
    public PoolOptions withMaxMessagesPerConnection(int n) {
        return new PoolOptions(maxConnections, maxIdleTime, maxLifetime, n, validateAfterIdle, resubscribableContent);
    }

    /**
     * @param d the idle time after which a borrowed connection is checked with NOOP
     * @return a copy
     */
    public PoolOptions withValidateAfterIdle(Duration d) {
        return new PoolOptions(maxConnections, maxIdleTime, maxLifetime, maxMessagesPerConnection, d,
                resubscribableContent);
    }

    /**
     * @param cold whether every content publisher passed may be subscribed to again
     * @return a copy
     */
    public PoolOptions withResubscribableContent(boolean cold) {
        return new PoolOptions(maxConnections, maxIdleTime, maxLifetime, maxMessagesPerConnection, validateAfterIdle,
                cold);
    }
}
