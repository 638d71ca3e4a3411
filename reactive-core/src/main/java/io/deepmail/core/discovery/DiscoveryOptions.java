package io.deepmail.core.discovery;

import java.time.Duration;
import java.util.Objects;

/**
 * How discovery runs: the timeout of each of the six SRV lookups and the Implicit-TLS preference.
 *
 * @param labelTimeout how long each label's lookup may take; a label that runs out is a failure
 *     (INDETERMINATE) for its protocol
 * @param preference how Implicit TLS is ordered against STARTTLS
 * @since 0.1
 */
public record DiscoveryOptions(Duration labelTimeout, ImplicitTlsPreference preference) {

    /** Default per-label timeout: 10 seconds, room for a retry at the default DNS query timeout. */
    public static final Duration DEFAULT_LABEL_TIMEOUT = Duration.ofSeconds(10);

    /** Default preference: provider priorities, Implicit TLS first only at equal priority. */
    public static final ImplicitTlsPreference DEFAULT_PREFERENCE = ImplicitTlsPreference.AT_EQUAL_PRIORITY;

    private static final DiscoveryOptions DEFAULTS = new DiscoveryOptions(DEFAULT_LABEL_TIMEOUT, DEFAULT_PREFERENCE);

    /**
     * Validates the options.
     *
     * @param labelTimeout the per-label timeout
     * @param preference the preference
     */
    public DiscoveryOptions {
        Objects.requireNonNull(labelTimeout, "labelTimeout");
        Objects.requireNonNull(preference, "preference");
        if (labelTimeout.isNegative() || labelTimeout.isZero() || labelTimeout.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("labelTimeout must be positive and at most 5 minutes, got "
                    + labelTimeout);
        }
    }

    /**
     * The defaults.
     *
     * @return the default options
     */
    public static DiscoveryOptions defaults() {
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
    public static Builder copyOf(DiscoveryOptions options) {
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
     * Builds {@link DiscoveryOptions}.
     *
     * @since 0.1
     */
    public static final class Builder {

        private Duration labelTimeout;
        private ImplicitTlsPreference preference;

        private Builder(DiscoveryOptions o) {
            this.labelTimeout = o.labelTimeout;
            this.preference = o.preference;
        }

        /**
         * The timeout of each label's lookup.
         *
         * @param d the timeout
         * @return this builder
         */
        public Builder labelTimeout(Duration d) {
            this.labelTimeout = d;
            return this;
        }

        /**
         * The Implicit-TLS preference.
         *
         * @param p the preference
         * @return this builder
         */
        public Builder preference(ImplicitTlsPreference p) {
            this.preference = p;
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the options
         */
        public DiscoveryOptions build() {
            return new DiscoveryOptions(labelTimeout, preference);
        }
    }
}
