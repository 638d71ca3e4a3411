package io.deepmail.metrics.micrometer;

/**
 * What {@link MicrometerMailClientMetricsRecorder} records beyond its bounded defaults.
 *
 * @param hostTags whether the endpoint's host becomes a tag of {@link MailMeters#CONNECTIONS} and
 *     {@link MailMeters#TLS_FAILURES} and a high-cardinality key of every observation (with the
 *     port). Off by default: one series per server can be many series, and a host can identify a
 *     user's provider
 * @param percentileHistograms whether the connect, handshake, DNS, command and authentication
 *     timers publish percentile histograms, for latency percentiles across instances
 * @param maxCipherSuites how many distinct cipher suites become tag values; later ones are
 *     {@code other}. Clients negotiate only what they offer, so the default leaves room for all
 * @since 0.1
 */
public record MailMetricsOptions(boolean hostTags, boolean percentileHistograms, int maxCipherSuites) {

    /** Default: no host tags. */
    public static final boolean DEFAULT_HOST_TAGS = false;

    /** Default: timers publish percentile histograms. */
    public static final boolean DEFAULT_PERCENTILE_HISTOGRAMS = true;

    /** Default: at most 32 distinct cipher suites as tag values. */
    public static final int DEFAULT_MAX_CIPHER_SUITES = 32;

    /** The largest {@link #maxCipherSuites()} accepted. */
    public static final int MAX_CIPHER_SUITES = 256;

    private static final MailMetricsOptions DEFAULTS = new MailMetricsOptions(DEFAULT_HOST_TAGS,
            DEFAULT_PERCENTILE_HISTOGRAMS, DEFAULT_MAX_CIPHER_SUITES);

    /**
     * Validates the options.
     *
     * @param hostTags the host opt-in
     * @param percentileHistograms the histogram switch
     * @param maxCipherSuites the cipher cap
     */
    public MailMetricsOptions {
        if (maxCipherSuites < 1 || maxCipherSuites > MAX_CIPHER_SUITES) {
            throw new IllegalArgumentException("maxCipherSuites must be between 1 and " + MAX_CIPHER_SUITES
                    + ", got " + maxCipherSuites);
        }
    }

    /**
     * The defaults.
     *
     * @return the default options
     */
    public static MailMetricsOptions defaults() {
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
    public static Builder copyOf(MailMetricsOptions options) {
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
     * Builds {@link MailMetricsOptions}.
     *
     * @since 0.1
     */
    public static final class Builder {

        private boolean hostTags;
        private boolean percentileHistograms;
        private int maxCipherSuites;

        private Builder(MailMetricsOptions o) {
            this.hostTags = o.hostTags;
            this.percentileHistograms = o.percentileHistograms;
            this.maxCipherSuites = o.maxCipherSuites;
        }

        /**
         * Whether the endpoint's host becomes a tag and an observation key.
         *
         * @param enabled {@code true} to opt in
         * @return this builder
         */
        public Builder hostTags(boolean enabled) {
            this.hostTags = enabled;
            return this;
        }

        /**
         * Whether timers publish percentile histograms.
         *
         * @param enabled {@code false} to publish counts, sums and maxima only
         * @return this builder
         */
        public Builder percentileHistograms(boolean enabled) {
            this.percentileHistograms = enabled;
            return this;
        }

        /**
         * How many distinct cipher suites become tag values.
         *
         * @param n between 1 and {@link #MAX_CIPHER_SUITES}
         * @return this builder
         */
        public Builder maxCipherSuites(int n) {
            this.maxCipherSuites = n;
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the options
         */
        public MailMetricsOptions build() {
            return new MailMetricsOptions(hostTags, percentileHistograms, maxCipherSuites);
        }
    }
}
