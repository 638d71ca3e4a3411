package io.deepmail.probe;

import io.deepmail.core.MailResources;
import io.deepmail.core.discovery.DiscoveryOptions;
import io.deepmail.core.dns.AddressRange;
import io.deepmail.core.dns.DnsLookup;
import io.deepmail.core.dns.DnsOptions;
import io.deepmail.core.metrics.MailClientMetricsRecorder;
import io.deepmail.core.tls.TlsOptions;
import io.deepmail.core.tls.TrustAnchors;
import io.deepmail.core.transport.MailTransport;
import io.deepmail.probe.internal.ProbeRun;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Inspects every IMAP, POP3 and Submission endpoint a domain advertises, without credentials
 * (SRV-09): RFC 6186 discovery (SRV-01, SRV-02), then one connection per candidate through the core
 * connector with the protocol's own establishment (Implicit TLS, or STARTTLS with the protocol's
 * upgrade), the certificate path, identity and DANE checks of the core, and the session's tags and
 * level (TAG-01..06). A refused endpoint is reported with its typed reason, never retried weaker.
 *
 * <p>Copy-on-write like the protocol clients: every configuring call returns a new probe and leaves
 * this one unchanged, so a probe is safe to share.
 *
 * <pre>{@code
 * MailProbe probe = MailProbe.create(resources).trustedResolver(new InetSocketAddress("127.0.0.1", 53));
 * probe.report("example.com").subscribe(r -> System.out.println(r.verdict()));
 * }</pre>
 *
 * @since 0.1
 */
public final class MailProbe {

    /** How long one endpoint may take, DNS for its host included, before it counts as timed out. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);

    /** How many endpoints are probed at the same time. */
    public static final int DEFAULT_CONCURRENCY = 8;

    private final MailResources resources;
    private final DnsOptions dns;
    private final DiscoveryOptions discovery;
    private final TlsOptions tls;
    private final Duration timeout;
    private final int concurrency;
    private final MailClientMetricsRecorder metrics;
    private final MailTransport transport;

    private MailProbe(MailResources resources, DnsOptions dns, DiscoveryOptions discovery, TlsOptions tls,
            Duration timeout, int concurrency, MailClientMetricsRecorder metrics) {
        this.resources = resources;
        this.dns = dns;
        this.discovery = discovery;
        this.tls = tls;
        this.timeout = timeout;
        this.concurrency = concurrency;
        this.metrics = metrics;
        this.transport = MailTransport.create(resources).tls(tls).metrics(metrics);
    }

    /**
     * A probe on shared resources: the system's resolvers (trusted only when on loopback, DANE-11),
     * the system trust store, {@link #DEFAULT_TIMEOUT} and {@link #DEFAULT_CONCURRENCY}.
     *
     * @param resources the event loops; they stay the caller's to dispose
     * @return the probe
     */
    public static MailProbe create(MailResources resources) {
        return new MailProbe(Objects.requireNonNull(resources, "resources"), DnsOptions.defaults(),
                DiscoveryOptions.defaults(), TlsOptions.defaults(), DEFAULT_TIMEOUT, DEFAULT_CONCURRENCY,
                MailClientMetricsRecorder.NOOP);
    }

    /**
     * A copy with other DNS options: resolvers, trusted resolver ranges, timeouts, cache.
     *
     * @param options the options
     * @return a new probe
     */
    public MailProbe dns(DnsOptions options) {
        return new MailProbe(resources, Objects.requireNonNull(options, "options"), discovery, tls, timeout,
                concurrency, metrics);
    }

    /**
     * A copy asking only {@code resolver}, and trusting its AD bit: the validating resolver the
     * user names, for example one on the local network (DANE-11). Only name a resolver whose path
     * to this host cannot be tampered with.
     *
     * @param resolver the resolver's address and port
     * @return a new probe
     */
    public MailProbe trustedResolver(InetSocketAddress resolver) {
        Objects.requireNonNull(resolver, "resolver");
        if (resolver.isUnresolved()) {
            throw new IllegalArgumentException("the resolver must be an address, not a name: " + resolver);
        }
        int prefix = resolver.getAddress().getAddress().length * 8;
        return dns(dns.mutate().resolvers(List.of(resolver))
                .trustedResolvers(List.of(new AddressRange(resolver.getAddress(), prefix))).build());
    }

    /**
     * A copy with other discovery options (per-label timeout, Implicit TLS preference).
     *
     * @param options the options
     * @return a new probe
     */
    public MailProbe discovery(DiscoveryOptions options) {
        return new MailProbe(resources, dns, Objects.requireNonNull(options, "options"), tls, timeout, concurrency,
                metrics);
    }

    /**
     * A copy validating certificates against {@code anchors} instead of the current ones.
     *
     * @param anchors the trust anchors
     * @return a new probe
     */
    public MailProbe trustAnchors(TrustAnchors anchors) {
        return tls(tls.mutate().trustAnchors(Objects.requireNonNull(anchors, "anchors")).build());
    }

    /**
     * A copy with other TLS options.
     *
     * @param options the options
     * @return a new probe
     */
    public MailProbe tls(TlsOptions options) {
        return new MailProbe(resources, dns, discovery, Objects.requireNonNull(options, "options"), timeout,
                concurrency, metrics);
    }

    /**
     * A copy with another per-endpoint timeout.
     *
     * @param perEndpoint the time one endpoint may take; positive
     * @return a new probe
     */
    public MailProbe timeout(Duration perEndpoint) {
        if (perEndpoint.isNegative() || perEndpoint.isZero()) {
            throw new IllegalArgumentException("the timeout must be positive: " + perEndpoint);
        }
        return new MailProbe(resources, dns, discovery, tls, perEndpoint, concurrency, metrics);
    }

    /**
     * A copy probing at most {@code endpoints} endpoints at once.
     *
     * @param endpoints the bound; at least 1
     * @return a new probe
     */
    public MailProbe concurrency(int endpoints) {
        if (endpoints < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1: " + endpoints);
        }
        return new MailProbe(resources, dns, discovery, tls, timeout, endpoints, metrics);
    }

    /**
     * A copy reporting connects, handshakes, DNS answers and attempts to {@code recorder}.
     *
     * @param recorder the recorder
     * @return a new probe
     */
    public MailProbe metrics(MailClientMetricsRecorder recorder) {
        return new MailProbe(resources, dns, discovery, tls, timeout, concurrency,
                Objects.requireNonNull(recorder, "recorder"));
    }

    /**
     * The DNS options.
     *
     * @return the options
     */
    public DnsOptions dnsOptions() {
        return dns;
    }

    /**
     * The TLS options.
     *
     * @return the options
     */
    public TlsOptions tlsOptions() {
        return tls;
    }

    /**
     * The per-endpoint timeout.
     *
     * @return the timeout
     */
    public Duration timeout() {
        return timeout;
    }

    /**
     * The metrics recorder.
     *
     * @return the recorder, {@link MailClientMetricsRecorder#NOOP} unless configured
     */
    public MailClientMetricsRecorder metricsRecorder() {
        return metrics;
    }

    /**
     * The number of endpoints probed at once.
     *
     * @return the bound
     */
    public int concurrency() {
        return concurrency;
    }

    /**
     * Discovers and probes every endpoint, emitting one probe per candidate: IMAP, then POP3, then
     * Submission, each in discovery order. Refusals and network failures are probes, not errors;
     * the {@code Flux} fails only for input that is neither an email address nor a domain
     * ({@link IllegalArgumentException}).
     *
     * @param emailOrDomain {@code alice@example.com} or {@code example.com}
     * @return the probes
     */
    public Flux<EndpointProbe> probe(String emailOrDomain) {
        return Flux.usingWhen(lookup(), l -> run(l, emailOrDomain).flatMapMany(r -> r.discover()
                .flatMapMany(r::endpoints)), MailProbe::dispose);
    }

    /**
     * As {@link #probe(String)}, gathered into one report with the discovery problems and the
     * overall verdict.
     *
     * @param emailOrDomain {@code alice@example.com} or {@code example.com}
     * @return the report
     */
    public Mono<ProbeReport> report(String emailOrDomain) {
        return Mono.usingWhen(lookup(), l -> run(l, emailOrDomain).flatMap(ProbeRun::report), MailProbe::dispose);
    }

    private Mono<ProbeRun> run(DnsLookup lookup, String emailOrDomain) {
        return Mono.fromCallable(() -> new ProbeRun(emailOrDomain, transport, lookup, discovery, timeout,
                concurrency));
    }

    private Mono<DnsLookup> lookup() {
        // Reading the platform's resolver configuration the first time touches files: off the event loop.
        return Mono.fromCallable(() -> DnsLookup.create(resources, dns, metrics))
                .subscribeOn(Schedulers.boundedElastic());
    }

    private static Mono<Void> dispose(DnsLookup lookup) {
        return Mono.fromRunnable(lookup::dispose);
    }

    @Override
    public String toString() {
        return "MailProbe[timeout=" + timeout + ", concurrency=" + concurrency + ", resolvers=" + dns.resolvers() + "]";
    }
}
