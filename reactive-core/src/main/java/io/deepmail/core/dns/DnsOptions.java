package io.deepmail.core.dns;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How deepmail talks to DNS: which recursive resolvers it asks, which of them it trusts to
 * validate DNSSEC, and the finite timeouts, retries and caching of its lookups.
 *
 * <p>deepmail does not validate DNSSEC itself. It sends every query with the DO bit and the AD bit
 * set, and believes the AD bit of an answer only when the resolver that sent it lies in one of the
 * {@link #trustedResolvers() trusted ranges}: by default the loopback addresses, where a local
 * validating resolver (Unbound, systemd-resolved, dnsmasq with DNSSEC) answers over a channel an
 * attacker on the network cannot reach (REQUIREMENTS §7.2, DANE-11). An AD bit from any other
 * resolver is ignored and the answer counts as INSECURE.
 *
 * @param resolvers the resolvers to ask, in order, as IP literals with a port; empty means the
 *     platform's configured name servers (read once, when the lookup is created)
 * @param trustedResolvers the address ranges whose AD bit is believed
 * @param queryTimeout how long one query may take, including a TCP retry after truncation
 * @param retries how many more times a query is sent, to the next resolver in turn, after a
 *     timeout, a network error or a refusal
 * @param cache whether answers are cached for their TTL
 * @param cacheMaxTtl the longest an answer is cached, whatever its TTL says
 * @param cacheSize the most answers kept in the cache
 * @param tcpFallback whether a truncated UDP answer is asked again over TCP
 * @since 0.1
 */
public record DnsOptions(List<InetSocketAddress> resolvers, List<AddressRange> trustedResolvers,
        Duration queryTimeout, int retries, boolean cache, Duration cacheMaxTtl, int cacheSize,
        boolean tcpFallback) {

    /** Default resolvers: none given, so the platform's configured name servers are used. */
    public static final List<InetSocketAddress> DEFAULT_RESOLVERS = List.of();

    /** Default trusted resolvers: the loopback addresses, {@code 127.0.0.0/8} and {@code ::1}. */
    public static final List<AddressRange> DEFAULT_TRUSTED_RESOLVERS =
            List.of(AddressRange.LOOPBACK_V4, AddressRange.LOOPBACK_V6);

    /** Default per-query timeout: 3 seconds. */
    public static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofSeconds(3);

    /** Default number of retries after a timeout, network error or refusal: 1. */
    public static final int DEFAULT_RETRIES = 1;

    /** Caching is on by default. */
    public static final boolean DEFAULT_CACHE = true;

    /** Default cap on the time an answer is cached: 1 hour. */
    public static final Duration DEFAULT_CACHE_MAX_TTL = Duration.ofHours(1);

    /** Default cache size: 512 answers. */
    public static final int DEFAULT_CACHE_SIZE = 512;

    /** TCP fallback after a truncated UDP answer is on by default. */
    public static final boolean DEFAULT_TCP_FALLBACK = true;

    /** The most retries allowed: 5. */
    public static final int MAX_RETRIES = 5;

    private static final DnsOptions DEFAULTS = new DnsOptions(DEFAULT_RESOLVERS, DEFAULT_TRUSTED_RESOLVERS,
            DEFAULT_QUERY_TIMEOUT, DEFAULT_RETRIES, DEFAULT_CACHE, DEFAULT_CACHE_MAX_TTL, DEFAULT_CACHE_SIZE,
            DEFAULT_TCP_FALLBACK);

    /**
     * Validates the options.
     *
     * @param resolvers the resolvers
     * @param trustedResolvers the trusted ranges
     * @param queryTimeout the per-query timeout
     * @param retries the retries
     * @param cache whether to cache
     * @param cacheMaxTtl the cache TTL cap
     * @param cacheSize the cache size
     * @param tcpFallback whether to retry truncated answers over TCP
     */
    public DnsOptions {
        resolvers = List.copyOf(resolvers);
        for (InetSocketAddress r : resolvers) {
            if (r.isUnresolved() || r.getPort() == 0) {
                throw new IllegalArgumentException("a resolver is an IP address with a port, got " + r);
            }
        }
        trustedResolvers = List.copyOf(trustedResolvers);
        positive("queryTimeout", queryTimeout, Duration.ofMinutes(1));
        if (retries < 0 || retries > MAX_RETRIES) {
            throw new IllegalArgumentException("retries must be between 0 and " + MAX_RETRIES + ", got " + retries);
        }
        positive("cacheMaxTtl", cacheMaxTtl, Duration.ofDays(7));
        if (cacheSize < 1 || cacheSize > 1_000_000) {
            throw new IllegalArgumentException("cacheSize must be between 1 and 1000000, got " + cacheSize);
        }
    }

    /**
     * The defaults.
     *
     * @return the default options
     */
    public static DnsOptions defaults() {
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
    public static Builder copyOf(DnsOptions options) {
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
     * Whether the AD bit of an answer from this resolver is believed.
     *
     * @param resolver the address the answer came from
     * @return {@code true} when it lies in a trusted range
     */
    public boolean trusts(InetAddress resolver) {
        for (AddressRange range : trustedResolvers) {
            if (range.contains(resolver)) {
                return true;
            }
        }
        return false;
    }

    private static void positive(String name, Duration d, Duration max) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero() || d.compareTo(max) > 0) {
            throw new IllegalArgumentException(name + " must be positive and at most " + max + ", got " + d);
        }
    }

    /**
     * Builds {@link DnsOptions}.
     *
     * @since 0.1
     */
    public static final class Builder {

        private List<InetSocketAddress> resolvers;
        private List<AddressRange> trustedResolvers;
        private Duration queryTimeout;
        private int retries;
        private boolean cache;
        private Duration cacheMaxTtl;
        private int cacheSize;
        private boolean tcpFallback;

        private Builder(DnsOptions o) {
            this.resolvers = o.resolvers;
            this.trustedResolvers = o.trustedResolvers;
            this.queryTimeout = o.queryTimeout;
            this.retries = o.retries;
            this.cache = o.cache;
            this.cacheMaxTtl = o.cacheMaxTtl;
            this.cacheSize = o.cacheSize;
            this.tcpFallback = o.tcpFallback;
        }

        /**
         * The resolvers to ask, in order; empty for the platform's name servers.
         *
         * @param resolvers IP literals with a port, such as {@code new InetSocketAddress("127.0.0.1", 53)}
         * @return this builder
         */
        public Builder resolvers(List<InetSocketAddress> resolvers) {
            this.resolvers = resolvers;
            return this;
        }

        /**
         * The address ranges whose AD bit is believed. Replaces the default loopback ranges: include
         * {@link AddressRange#LOOPBACK_V4} and {@link AddressRange#LOOPBACK_V6} to keep them.
         *
         * @param ranges the trusted ranges; empty trusts no resolver, so no answer is SECURE
         * @return this builder
         */
        public Builder trustedResolvers(List<AddressRange> ranges) {
            this.trustedResolvers = ranges;
            return this;
        }

        /**
         * Per-query timeout.
         *
         * @param d the timeout, at most one minute
         * @return this builder
         */
        public Builder queryTimeout(Duration d) {
            this.queryTimeout = d;
            return this;
        }

        /**
         * Retries after a timeout, network error or refusal.
         *
         * @param n between 0 and {@link DnsOptions#MAX_RETRIES}
         * @return this builder
         */
        public Builder retries(int n) {
            this.retries = n;
            return this;
        }

        /**
         * Whether answers are cached for their TTL.
         *
         * @param enabled {@code false} to send every query
         * @return this builder
         */
        public Builder cache(boolean enabled) {
            this.cache = enabled;
            return this;
        }

        /**
         * The longest an answer is cached.
         *
         * @param d the cap, at most seven days
         * @return this builder
         */
        public Builder cacheMaxTtl(Duration d) {
            this.cacheMaxTtl = d;
            return this;
        }

        /**
         * The most answers kept; the least recently used is dropped first.
         *
         * @param n the size
         * @return this builder
         */
        public Builder cacheSize(int n) {
            this.cacheSize = n;
            return this;
        }

        /**
         * Whether a truncated UDP answer is asked again over TCP.
         *
         * @param enabled {@code false} to take truncated answers as failures
         * @return this builder
         */
        public Builder tcpFallback(boolean enabled) {
            this.tcpFallback = enabled;
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the options
         */
        public DnsOptions build() {
            return new DnsOptions(resolvers, trustedResolvers, queryTimeout, retries, cache, cacheMaxTtl, cacheSize,
                    tcpFallback);
        }
    }
}
