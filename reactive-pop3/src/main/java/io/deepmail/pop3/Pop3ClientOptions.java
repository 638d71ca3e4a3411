package io.deepmail.pop3;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds and behaviour of POP3 sessions. Every bound is finite; a server that exceeds one gets a
 * {@link io.deepmail.core.ProtocolViolationException} and the session is closed.
 *
 * @param maxStatusLineLength longest status line in octets, CRLF excluded
 * @param maxDataLineLength longest line inside a multi-line response, CRLF excluded; lines are
 *     streamed, so this only stops a server that never ends one
 * @param maxMessageSize most octets of one multi-line response (a message, a listing)
 * @param chunkSize most octets per buffer emitted by {@link Pop3Session#retr(int)}
 * @param responseTimeout longest silence while a response is awaited
 * @param maxPendingCommands how many commands a session holds at once, queued or in flight
 * @param pipelining whether to pipeline commands when the server offers {@code PIPELINING}
 * @since 0.1
 */
public record Pop3ClientOptions(int maxStatusLineLength, int maxDataLineLength, long maxMessageSize, int chunkSize,
        Duration responseTimeout, int maxPendingCommands, boolean pipelining) {

    /** Default longest status line: 4096 octets, eight times RFC 2449's 512. */
    public static final int DEFAULT_MAX_STATUS_LINE_LENGTH = 4096;

    /** Default longest data line: 1 MiB; longer lines are streamed, this only ends endless ones. */
    public static final int DEFAULT_MAX_DATA_LINE_LENGTH = 1 << 20;

    /** Default largest multi-line response: 256 MiB. */
    public static final long DEFAULT_MAX_MESSAGE_SIZE = 256L << 20;

    /** Default chunk size: 16 KiB. */
    public static final int DEFAULT_CHUNK_SIZE = 16 << 10;

    /** Default response timeout: 60 seconds. */
    public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(60);

    /** Default bound on commands held at once: 64. */
    public static final int DEFAULT_MAX_PENDING_COMMANDS = 64;

    /** By default commands are pipelined when the server offers {@code PIPELINING}. */
    public static final boolean DEFAULT_PIPELINING = true;

    private static final Pop3ClientOptions DEFAULTS = new Pop3ClientOptions(DEFAULT_MAX_STATUS_LINE_LENGTH,
            DEFAULT_MAX_DATA_LINE_LENGTH, DEFAULT_MAX_MESSAGE_SIZE, DEFAULT_CHUNK_SIZE, DEFAULT_RESPONSE_TIMEOUT,
            DEFAULT_MAX_PENDING_COMMANDS, DEFAULT_PIPELINING);

    /**
     * Validates every bound.
     *
     * @param maxStatusLineLength longest status line, at least 64
     * @param maxDataLineLength longest data line, positive
     * @param maxMessageSize largest multi-line response, positive
     * @param chunkSize octets per chunk, positive
     * @param responseTimeout positive, at most one day
     * @param maxPendingCommands positive
     * @param pipelining whether to pipeline when offered
     */
    public Pop3ClientOptions {
        Objects.requireNonNull(responseTimeout, "responseTimeout");
        if (maxStatusLineLength < 64 || maxDataLineLength < 1 || maxMessageSize < 1 || chunkSize < 1
                || maxPendingCommands < 1) {
            throw new IllegalArgumentException("POP3 bounds must be positive, status lines at least 64 octets");
        }
        if (responseTimeout.isNegative() || responseTimeout.isZero()
                || responseTimeout.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("responseTimeout must be positive and at most one day");
        }
    }

    /**
     * The defaults.
     *
     * @return the default options
     */
    public static Pop3ClientOptions defaults() {
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
    public static Builder copyOf(Pop3ClientOptions options) {
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
     * Builds {@link Pop3ClientOptions}.
     *
     * @since 0.1
     */
    public static final class Builder {

        private int maxStatusLineLength;
        private int maxDataLineLength;
        private long maxMessageSize;
        private int chunkSize;
        private Duration responseTimeout;
        private int maxPendingCommands;
        private boolean pipelining;

        private Builder(Pop3ClientOptions o) {
            maxStatusLineLength = o.maxStatusLineLength;
            maxDataLineLength = o.maxDataLineLength;
            maxMessageSize = o.maxMessageSize;
            chunkSize = o.chunkSize;
            responseTimeout = o.responseTimeout;
            maxPendingCommands = o.maxPendingCommands;
            pipelining = o.pipelining;
        }

        /**
         * Longest status line.
         *
         * @param octets at least 64
         * @return this builder
         */
        public Builder maxStatusLineLength(int octets) {
            maxStatusLineLength = octets;
            return this;
        }

        /**
         * Longest data line.
         *
         * @param octets positive
         * @return this builder
         */
        public Builder maxDataLineLength(int octets) {
            maxDataLineLength = octets;
            return this;
        }

        /**
         * Largest multi-line response.
         *
         * @param octets positive
         * @return this builder
         */
        public Builder maxMessageSize(long octets) {
            maxMessageSize = octets;
            return this;
        }

        /**
         * Octets per emitted chunk.
         *
         * @param octets positive
         * @return this builder
         */
        public Builder chunkSize(int octets) {
            chunkSize = octets;
            return this;
        }

        /**
         * Longest silence while a response is awaited.
         *
         * @param timeout positive, at most one day
         * @return this builder
         */
        public Builder responseTimeout(Duration timeout) {
            responseTimeout = timeout;
            return this;
        }

        /**
         * Bound on commands held at once.
         *
         * @param max positive
         * @return this builder
         */
        public Builder maxPendingCommands(int max) {
            maxPendingCommands = max;
            return this;
        }

        /**
         * Whether to pipeline when the server offers it.
         *
         * @param enabled {@code false} to always wait for each answer
         * @return this builder
         */
        public Builder pipelining(boolean enabled) {
            pipelining = enabled;
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the options
         */
        public Pop3ClientOptions build() {
            return new Pop3ClientOptions(maxStatusLineLength, maxDataLineLength, maxMessageSize, chunkSize,
                    responseTimeout, maxPendingCommands, pipelining);
        }
    }
}
