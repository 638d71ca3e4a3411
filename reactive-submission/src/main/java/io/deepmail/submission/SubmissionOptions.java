package io.deepmail.submission;

import io.deepmail.submission.internal.codec.SmtpSyntax;
import java.time.Duration;
import java.util.Objects;

/**
 * How submission sessions talk to the server.
 *
 * @param ehloDomain what the client calls itself in EHLO; an address literal by default, so that
 *     the local host name does not leak
 * @param pipelining whether to pipeline MAIL, RCPT and DATA when the server offers PIPELINING (RFC 2920)
 * @param chunking whether to send content with BDAT when the server offers CHUNKING (RFC 3030)
 * @param responseTimeout longest wait for a reply before the session fails
 * @since 0.1
 */
public record SubmissionOptions(String ehloDomain, boolean pipelining, boolean chunking, Duration responseTimeout) {

    /** Default EHLO domain: the address literal {@code [127.0.0.1]}, which reveals nothing. */
    public static final String DEFAULT_EHLO_DOMAIN = "[127.0.0.1]";

    /** Pipelining is used when offered. */
    public static final boolean DEFAULT_PIPELINING = true;

    /** BDAT is used when CHUNKING is offered. */
    public static final boolean DEFAULT_CHUNKING = true;

    /** Default reply timeout: 5 minutes, RFC 5321 §4.5.3.2's shortest for MAIL, RCPT and DATA. */
    public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofMinutes(5);

    private static final SubmissionOptions DEFAULTS = new SubmissionOptions(DEFAULT_EHLO_DOMAIN, DEFAULT_PIPELINING,
            DEFAULT_CHUNKING, DEFAULT_RESPONSE_TIMEOUT);

    /**
     * Validates the domain and the timeout.
     *
     * @param ehloDomain the EHLO domain
     * @param pipelining whether to pipeline when offered
     * @param chunking whether to use BDAT when offered
     * @param responseTimeout the reply timeout
     */
    public SubmissionOptions {
        SmtpSyntax.requireDomain(ehloDomain);
        Objects.requireNonNull(responseTimeout, "responseTimeout");
        if (responseTimeout.isNegative() || responseTimeout.isZero()) {
            throw new IllegalArgumentException("responseTimeout must be positive");
        }
    }

    /**
     * The defaults.
     *
     * @return the default options
     */
    public static SubmissionOptions defaults() {
        return DEFAULTS;
    }

    /**
     * A builder holding the defaults.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder(DEFAULTS);
    }

    /**
     * A builder pre-filled from {@code options}.
     *
     * @param options the options to copy
     * @return a builder
     */
    public static Builder copyOf(SubmissionOptions options) {
        return new Builder(options);
    }

    /**
     * A builder pre-filled from these options.
     *
     * @return a builder
     */
    public Builder mutate() {
        return new Builder(this);
    }

    /**
     * Builds {@link SubmissionOptions}.
     *
     * @since 0.1
     */
    public static final class Builder {

        private String ehloDomain;
        private boolean pipelining;
        private boolean chunking;
        private Duration responseTimeout;

        private Builder(SubmissionOptions o) {
            this.ehloDomain = o.ehloDomain;
            this.pipelining = o.pipelining;
            this.chunking = o.chunking;
            this.responseTimeout = o.responseTimeout;
        }

        /**
         * The EHLO domain.
         *
         * @param domain a host name or address literal
         * @return this builder
         */
        public Builder ehloDomain(String domain) {
            this.ehloDomain = domain;
            return this;
        }

        /**
         * Whether to pipeline when offered.
         *
         * @param enabled the choice
         * @return this builder
         */
        public Builder pipelining(boolean enabled) {
            this.pipelining = enabled;
            return this;
        }

        /**
         * Whether to use BDAT when offered.
         *
         * @param enabled the choice
         * @return this builder
         */
        public Builder chunking(boolean enabled) {
            this.chunking = enabled;
            return this;
        }

        /**
         * The reply timeout.
         *
         * @param timeout a positive duration
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
        public SubmissionOptions build() {
            return new SubmissionOptions(ehloDomain, pipelining, chunking, responseTimeout);
        }
    }
}
