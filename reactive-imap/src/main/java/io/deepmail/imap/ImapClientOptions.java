package io.deepmail.imap;

import io.deepmail.core.sasl.SaslMechanisms;
import io.deepmail.core.transport.ExchangeOptions;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Bounds and timing of IMAP sessions. Every bound is finite: a server that exceeds one gets a
 * {@link io.deepmail.core.ProtocolViolationException}, never unbounded memory.
 *
 * @param maxLineLength longest response line, literals excluded
 * @param maxLiteralSize largest literal held in memory (body sections are streamed instead)
 * @param maxResponseSize largest response held in memory, lines and buffered literals together
 * @param maxNesting deepest parenthesised nesting
 * @param pipelining whether independent commands may be sent before earlier ones complete
 * @param responseTimeout longest silence while a response is awaited
 * @param idleRefresh how long one IDLE lasts before it is re-issued (RFC 2177: under 29 minutes)
 * @param saslMechanisms the SASL mechanisms allowed for AUTHENTICATE, most preferred first; empty for
 *     {@link SaslMechanisms#DEFAULT_PREFERENCE}. The LOGIN command is used only when this allows
 *     PLAIN or LOGIN.
 * @since 0.1
 */
public record ImapClientOptions(int maxLineLength, int maxLiteralSize, int maxResponseSize, int maxNesting,
        boolean pipelining, Duration responseTimeout, Duration idleRefresh, List<String> saslMechanisms) {

    /** Default line bound: 1 MiB, room for a long SEARCH result. */
    public static final int DEFAULT_MAX_LINE_LENGTH = 1 << 20;
    /** Default bound on a buffered literal: 8 MiB. */
    public static final int DEFAULT_MAX_LITERAL_SIZE = 8 << 20;
    /** Default bound on a buffered response: 16 MiB. */
    public static final int DEFAULT_MAX_RESPONSE_SIZE = 16 << 20;
    /** Default nesting bound: 64. */
    public static final int DEFAULT_MAX_NESTING = 64;
    /** Pipelining is on by default: IMAP tags make it safe. */
    public static final boolean DEFAULT_PIPELINING = true;
    /** Default response timeout: the core's, 60 seconds. */
    public static final Duration DEFAULT_RESPONSE_TIMEOUT = ExchangeOptions.DEFAULT_RESPONSE_TIMEOUT;
    /** Default IDLE refresh: 25 minutes, under the 29 minutes of RFC 2177. */
    public static final Duration DEFAULT_IDLE_REFRESH = Duration.ofMinutes(25);

    private static final ImapClientOptions DEFAULTS = new ImapClientOptions(DEFAULT_MAX_LINE_LENGTH,
            DEFAULT_MAX_LITERAL_SIZE, DEFAULT_MAX_RESPONSE_SIZE, DEFAULT_MAX_NESTING, DEFAULT_PIPELINING,
            DEFAULT_RESPONSE_TIMEOUT, DEFAULT_IDLE_REFRESH, List.of());

    /**
     * Validates the options.
     *
     * @param maxLineLength line bound, at least 1024
     * @param maxLiteralSize literal bound
     * @param maxResponseSize response bound, at least the line bound
     * @param maxNesting nesting bound, at least 8
     * @param pipelining pipelining
     * @param responseTimeout positive timeout
     * @param idleRefresh positive, under 29 minutes
     * @param saslMechanisms built-in mechanism names
     */
    public ImapClientOptions {
        if (maxLineLength < 1024 || maxLiteralSize < 0 || maxResponseSize < maxLineLength || maxNesting < 8) {
            throw new IllegalArgumentException("invalid IMAP limits");
        }
        Objects.requireNonNull(responseTimeout, "responseTimeout");
        Objects.requireNonNull(idleRefresh, "idleRefresh");
        if (idleRefresh.isNegative() || idleRefresh.isZero() || idleRefresh.compareTo(Duration.ofMinutes(29)) >= 0) {
            throw new IllegalArgumentException("idleRefresh must be positive and under 29 minutes");
        }
        saslMechanisms = List.copyOf(saslMechanisms);
        for (String name : saslMechanisms) {
            if (SaslMechanisms.named(name).isEmpty()) {
                throw new IllegalArgumentException("no built-in SASL mechanism is named " + name);
            }
        }
    }

    /**
     * The defaults.
     *
     * @return the defaults
     */
    public static ImapClientOptions defaults() {
        return DEFAULTS;
    }

    /**
     * A builder holding the defaults.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder(DEFAULTS);
    }

    /**
     * A builder holding these options.
     *
     * @return the builder
     */
    public Builder mutate() {
        return new Builder(this);
    }

    /**
     * The same options (records are immutable; for symmetry with the other option groups).
     *
     * @param options the options
     * @return {@code options}
     */
    public static ImapClientOptions copyOf(ImapClientOptions options) {
        return Objects.requireNonNull(options, "options");
    }

    /**
     * Builds {@link ImapClientOptions}.
     *
     * @since 0.1
     */
    public static final class Builder {

        private int maxLineLength;
        private int maxLiteralSize;
        private int maxResponseSize;
        private int maxNesting;
        private boolean pipelining;
        private Duration responseTimeout;
        private Duration idleRefresh;
        private List<String> saslMechanisms;

        private Builder(ImapClientOptions o) {
            maxLineLength = o.maxLineLength;
            maxLiteralSize = o.maxLiteralSize;
            maxResponseSize = o.maxResponseSize;
            maxNesting = o.maxNesting;
            pipelining = o.pipelining;
            responseTimeout = o.responseTimeout;
            idleRefresh = o.idleRefresh;
            saslMechanisms = o.saslMechanisms;
        }

        /**
         * Sets the line bound.
         *
         * @param v bytes
         * @return this builder
         */
        public Builder maxLineLength(int v) {
            maxLineLength = v;
            return this;
        }

        /**
         * Sets the buffered literal bound.
         *
         * @param v bytes
         * @return this builder
         */
        public Builder maxLiteralSize(int v) {
            maxLiteralSize = v;
            return this;
        }

        /**
         * Sets the buffered response bound.
         *
         * @param v bytes
         * @return this builder
         */
        public Builder maxResponseSize(int v) {
            maxResponseSize = v;
            return this;
        }

        /**
         * Sets the nesting bound.
         *
         * @param v depth
         * @return this builder
         */
        public Builder maxNesting(int v) {
            maxNesting = v;
            return this;
        }

        /**
         * Turns pipelining on or off.
         *
         * @param v whether to pipeline
         * @return this builder
         */
        public Builder pipelining(boolean v) {
            pipelining = v;
            return this;
        }

        /**
         * Sets the response timeout.
         *
         * @param v the timeout
         * @return this builder
         */
        public Builder responseTimeout(Duration v) {
            responseTimeout = v;
            return this;
        }

        /**
         * Sets the IDLE refresh interval.
         *
         * @param v the interval
         * @return this builder
         */
        public Builder idleRefresh(Duration v) {
            idleRefresh = v;
            return this;
        }

        /**
         * Sets the SASL mechanisms allowed, most preferred first.
         *
         * @param v mechanism names; empty for the default preference
         * @return this builder
         */
        public Builder saslMechanisms(List<String> v) {
            saslMechanisms = v;
            return this;
        }

        /**
         * Builds and validates.
         *
         * @return the options
         */
        public ImapClientOptions build() {
            return new ImapClientOptions(maxLineLength, maxLiteralSize, maxResponseSize, maxNesting, pipelining,
                    responseTimeout, idleRefresh, saslMechanisms);
        }
    }
}
