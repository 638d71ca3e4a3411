package io.deepmail.core.transport;

import java.time.Duration;
import java.util.Objects;

/**
 * Finite timeouts for each step of a connection. Every value must be positive: deepmail has no
 * infinite wait.
 *
 * @param connect TCP connect
 * @param handshake TLS handshake, including the certificate and identity checks
 * @param readIdle longest silence from the server while a response is awaited: the response timeout of
 *     exchanges opened with {@link MailConnection#exchange(Correlator)}
 * @param close how long to wait for close_notify and the TCP close
 * @since 0.1
 */
public record TimeoutOptions(Duration connect, Duration handshake, Duration readIdle, Duration close) {

    /** Default TCP connect timeout: 10 seconds. */
    public static final Duration DEFAULT_CONNECT = Duration.ofSeconds(10);

    /** Default TLS handshake timeout: 10 seconds. */
    public static final Duration DEFAULT_HANDSHAKE = Duration.ofSeconds(10);

    /** Default read-idle timeout while a response is awaited: 60 seconds. */
    public static final Duration DEFAULT_READ_IDLE = Duration.ofSeconds(60);

    /** Default close timeout: 5 seconds. */
    public static final Duration DEFAULT_CLOSE = Duration.ofSeconds(5);

    private static final TimeoutOptions DEFAULTS = new TimeoutOptions(DEFAULT_CONNECT, DEFAULT_HANDSHAKE,
            DEFAULT_READ_IDLE, DEFAULT_CLOSE);

    /**
     * Validates that every timeout is positive and finite.
     *
     * @param connect connect timeout
     * @param handshake handshake timeout
     * @param readIdle read-idle timeout
     * @param close close timeout
     */
    public TimeoutOptions {
        check("connect", connect);
        check("handshake", handshake);
        check("readIdle", readIdle);
        check("close", close);
    }

    /**
     * The defaults.
     *
     * @return the default timeouts
     */
    public static TimeoutOptions defaults() {
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
    public static Builder copyOf(TimeoutOptions options) {
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

    private static void check(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero() || d.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException(name + " timeout must be positive and at most one day, got " + d);
        }
    }

    /**
     * Builds {@link TimeoutOptions}.
     *
     * @since 0.1
     */
    public static final class Builder {

        private Duration connect;
        private Duration handshake;
        private Duration readIdle;
        private Duration close;

        private Builder(TimeoutOptions o) {
            this.connect = o.connect;
            this.handshake = o.handshake;
            this.readIdle = o.readIdle;
            this.close = o.close;
        }

        /**
         * TCP connect timeout.
         *
         * @param d the timeout
         * @return this builder
         */
        public Builder connect(Duration d) {
            this.connect = d;
            return this;
        }

        /**
         * TLS handshake timeout.
         *
         * @param d the timeout
         * @return this builder
         */
        public Builder handshake(Duration d) {
            this.handshake = d;
            return this;
        }

        /**
         * Read-idle timeout.
         *
         * @param d the timeout
         * @return this builder
         */
        public Builder readIdle(Duration d) {
            this.readIdle = d;
            return this;
        }

        /**
         * Close timeout.
         *
         * @param d the timeout
         * @return this builder
         */
        public Builder close(Duration d) {
            this.close = d;
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the options
         */
        public TimeoutOptions build() {
            return new TimeoutOptions(connect, handshake, readIdle, close);
        }
    }
}
