package io.deepmail.core.transport;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds and ordering of an {@link ExchangeEngine}. Every bound is finite: a full request queue
 * raises {@link io.deepmail.core.RequestQueueFullException}, a full response buffer
 * {@link io.deepmail.core.ResponseQueueFullException}, and a silent server
 * {@link io.deepmail.core.MailTimeoutException}.
 *
 * @param maxPendingConversations how many exchanges the engine holds at once, queued or in flight;
 *     one more is refused
 * @param maxBufferedResponses how many routed responses one subscriber may have waiting beyond its
 *     demand; the same bound applies to {@link ExchangeEngine#unsolicited()}
 * @param pipelining whether an exchange's commands may be written before the previous exchange has
 *     received its last response (SMTP PIPELINING, IMAP); without it, exchanges run one at a time
 * @param responseTimeout longest silence from the server while an exchange that has written its
 *     commands awaits a response its subscriber has asked for; on expiry the engine fails every
 *     exchange and closes the connection, because the stream is out of step
 * @since 0.1
 */
public record ExchangeOptions(int maxPendingConversations, int maxBufferedResponses, boolean pipelining,
        Duration responseTimeout) {

    /** Default bound on exchanges held at once, queued or in flight: 256. */
    public static final int DEFAULT_MAX_PENDING_CONVERSATIONS = 256;

    /**
     * Default bound on responses buffered per subscriber beyond its demand: 256. Reading follows
     * demand, but one socket read may decode into many responses; the bound must exceed what a
     * single read can carry for the protocol's smallest responses.
     */
    public static final int DEFAULT_MAX_BUFFERED_RESPONSES = 256;

    /** By default exchanges run one at a time: pipelining is off. */
    public static final boolean DEFAULT_PIPELINING = false;

    /** Default response timeout: 60 seconds, the same as {@link TimeoutOptions#DEFAULT_READ_IDLE}. */
    public static final Duration DEFAULT_RESPONSE_TIMEOUT = TimeoutOptions.DEFAULT_READ_IDLE;

    private static final ExchangeOptions DEFAULTS = new ExchangeOptions(DEFAULT_MAX_PENDING_CONVERSATIONS,
            DEFAULT_MAX_BUFFERED_RESPONSES, DEFAULT_PIPELINING, DEFAULT_RESPONSE_TIMEOUT);

    /**
     * Validates that both bounds are positive and the timeout is positive and at most one day.
     *
     * @param maxPendingConversations bound on exchanges held at once
     * @param maxBufferedResponses bound on responses buffered per subscriber
     * @param pipelining whether exchanges may overlap on the wire
     * @param responseTimeout longest silence while a response is awaited
     */
    public ExchangeOptions {
        if (maxPendingConversations < 1) {
            throw new IllegalArgumentException("maxPendingConversations must be positive, got "
                    + maxPendingConversations);
        }
        if (maxBufferedResponses < 1) {
            throw new IllegalArgumentException("maxBufferedResponses must be positive, got " + maxBufferedResponses);
        }
        Objects.requireNonNull(responseTimeout, "responseTimeout");
        if (responseTimeout.isNegative() || responseTimeout.isZero()
                || responseTimeout.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("responseTimeout must be positive and at most one day, got "
                    + responseTimeout);
        }
    }

    /**
     * The defaults.
     *
     * @return the default options
     */
    public static ExchangeOptions defaults() {
        return DEFAULTS;
    }

    /**
     * A builder holding the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder(DEFAULTS);
    }

    /**
     * A builder pre-filled from the given options.
     *
     * @param options the options to copy
     * @return a new builder
     */
    public static Builder copyOf(ExchangeOptions options) {
        return new Builder(options);
    }

    /**
     * A builder pre-filled from these options; this instance is unchanged.
     *
     * @return a new builder
     */
    public Builder mutate() {
        return new Builder(this);
    }

    /**
     * Builds {@link ExchangeOptions}.
     *
     * @since 0.1
     */
    public static final class Builder {

        private int maxPendingConversations;
        private int maxBufferedResponses;
        private boolean pipelining;
        private Duration responseTimeout;

        private Builder(ExchangeOptions o) {
            this.maxPendingConversations = o.maxPendingConversations;
            this.maxBufferedResponses = o.maxBufferedResponses;
            this.pipelining = o.pipelining;
            this.responseTimeout = o.responseTimeout;
        }

        /**
         * Bound on exchanges held at once, queued or in flight.
         *
         * @param max a positive bound
         * @return this builder
         */
        public Builder maxPendingConversations(int max) {
            this.maxPendingConversations = max;
            return this;
        }

        /**
         * Bound on responses buffered per subscriber beyond its demand.
         *
         * @param max a positive bound
         * @return this builder
         */
        public Builder maxBufferedResponses(int max) {
            this.maxBufferedResponses = max;
            return this;
        }

        /**
         * Whether exchanges may overlap on the wire.
         *
         * @param enabled {@code true} when the server supports pipelining
         * @return this builder
         */
        public Builder pipelining(boolean enabled) {
            this.pipelining = enabled;
            return this;
        }

        /**
         * Longest silence while a response is awaited.
         *
         * @param timeout a positive duration of at most one day
         * @return this builder
         */
        public Builder responseTimeout(Duration timeout) {
            this.responseTimeout = timeout;
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the options
         */
        public ExchangeOptions build() {
            return new ExchangeOptions(maxPendingConversations, maxBufferedResponses, pipelining, responseTimeout);
        }
    }
}
