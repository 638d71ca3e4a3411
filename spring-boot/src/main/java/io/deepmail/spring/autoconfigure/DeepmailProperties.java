package io.deepmail.spring.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code deepmail.*} properties.
 *
 * @since 0.1
 */
@ConfigurationProperties("deepmail")
public class DeepmailProperties {

    private final Latches latches = new Latches();

    private final Probe probe = new Probe();

    private final Dns dns = new Dns();

    private final Tls tls = new Tls();

    private final Metrics metrics = new Metrics();

    /**
     * Latch store settings.
     *
     * @return the latch settings
     */
    public Latches getLatches() {
        return latches;
    }

    /**
     * Probe settings.
     *
     * @return the probe settings
     */
    public Probe getProbe() {
        return probe;
    }

    /**
     * DNS settings.
     *
     * @return the DNS settings
     */
    public Dns getDns() {
        return dns;
    }

    /**
     * TLS settings.
     *
     * @return the TLS settings
     */
    public Tls getTls() {
        return tls;
    }

    /**
     * Metrics settings.
     *
     * @return the metrics settings
     */
    public Metrics getMetrics() {
        return metrics;
    }

    /** Where the latch store lives. */
    public enum StoreType {
        /** Redis when spring.data.redis is configured and Lettuce is present, else the embedded file store. */
        AUTO,
        /** The embedded file store (H2 MVStore), durable across restarts. */
        EMBEDDED,
        /** In memory only: latches are forgotten on restart. For tests and demos. */
        MEMORY,
        /** Redis, from the spring.data.redis properties (localhost:6379 when none are set); needs Lettuce. */
        REDIS
    }

    /** Latch store settings. */
    public static class Latches {

        /** Which latch store to create. */
        private StoreType store = StoreType.AUTO;

        /** The embedded store's file. */
        private Path file = Path.of(System.getProperty("user.home"), ".deepmail", "latches.mv");

        /** How long one Redis command may take before the store fails closed. */
        private Duration redisCommandTimeout = Duration.ofSeconds(2);

        /**
         * Which latch store to create.
         *
         * @return the store type
         */
        public StoreType getStore() {
            return store;
        }

        /**
         * Sets which latch store to create.
         *
         * @param store the store type
         */
        public void setStore(StoreType store) {
            this.store = store;
        }

        /**
         * The embedded store's file.
         *
         * @return the file
         */
        public Path getFile() {
            return file;
        }

        /**
         * Sets the embedded store's file.
         *
         * @param file the file
         */
        public void setFile(Path file) {
            this.file = file;
        }

        /**
         * How long one Redis command may take.
         *
         * @return the timeout
         */
        public Duration getRedisCommandTimeout() {
            return redisCommandTimeout;
        }

        /**
         * Sets how long one Redis command may take.
         *
         * @param redisCommandTimeout the timeout
         */
        public void setRedisCommandTimeout(Duration redisCommandTimeout) {
            this.redisCommandTimeout = redisCommandTimeout;
        }
    }

    /** Probe settings. */
    public static class Probe {

        /** How long one endpoint may take, DNS for its host included. */
        private Duration timeout = Duration.ofSeconds(15);

        /** How many endpoints are probed at the same time. */
        private int concurrency = 8;

        /**
         * How long one endpoint may take.
         *
         * @return the timeout
         */
        public Duration getTimeout() {
            return timeout;
        }

        /**
         * Sets how long one endpoint may take.
         *
         * @param timeout the timeout
         */
        public void setTimeout(Duration timeout) {
            this.timeout = timeout;
        }

        /**
         * How many endpoints are probed at once.
         *
         * @return the bound
         */
        public int getConcurrency() {
            return concurrency;
        }

        /**
         * Sets how many endpoints are probed at once.
         *
         * @param concurrency the bound
         */
        public void setConcurrency(int concurrency) {
            this.concurrency = concurrency;
        }
    }

    /** DNS settings. */
    public static class Dns {

        /**
         * A validating resolver, as host:port (IPv6 in brackets), whose DNSSEC answers are trusted. Only
         * name one whose path to this host cannot be tampered with. Unset: the system's resolvers,
         * trusted only on loopback.
         */
        private @Nullable String trustedResolver;

        /**
         * The trusted resolver.
         *
         * @return host:port, or {@code null}
         */
        public @Nullable String getTrustedResolver() {
            return trustedResolver;
        }

        /**
         * Sets the trusted resolver.
         *
         * @param trustedResolver host:port
         */
        public void setTrustedResolver(@Nullable String trustedResolver) {
            this.trustedResolver = trustedResolver;
        }
    }

    /** TLS settings. */
    public static class Tls {

        /** A PEM file of CA certificates to trust instead of the system trust store. */
        private @Nullable Path trustAnchors;

        /**
         * The most TLS handshakes in flight on the shared event loops, 0 for no bound. Unset: two per
         * processor, at least four.
         */
        private @Nullable Integer maxHandshakesInFlight;

        /**
         * The bound on TLS handshakes in flight.
         *
         * @return the bound, or {@code null} for the library's default
         */
        public @Nullable Integer getMaxHandshakesInFlight() {
            return maxHandshakesInFlight;
        }

        /**
         * Sets the bound on TLS handshakes in flight.
         *
         * @param maxHandshakesInFlight the bound, 0 for none
         */
        public void setMaxHandshakesInFlight(@Nullable Integer maxHandshakesInFlight) {
            this.maxHandshakesInFlight = maxHandshakesInFlight;
        }

        /**
         * The PEM file of trust anchors.
         *
         * @return the file, or {@code null} for the system trust store
         */
        public @Nullable Path getTrustAnchors() {
            return trustAnchors;
        }

        /**
         * Sets the PEM file of trust anchors.
         *
         * @param trustAnchors the file
         */
        public void setTrustAnchors(@Nullable Path trustAnchors) {
            this.trustAnchors = trustAnchors;
        }
    }

    /** Metrics settings. */
    public static class Metrics {

        /** Whether meters carry a host tag; off by default, as host names are unbounded. */
        private boolean hostTags;

        /**
         * Whether meters carry a host tag.
         *
         * @return {@code true} when they do
         */
        public boolean isHostTags() {
            return hostTags;
        }

        /**
         * Sets whether meters carry a host tag.
         *
         * @param hostTags {@code true} to add it
         */
        public void setHostTags(boolean hostTags) {
            this.hostTags = hostTags;
        }
    }
}
