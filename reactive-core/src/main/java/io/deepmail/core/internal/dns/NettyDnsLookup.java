package io.deepmail.core.internal.dns;

import io.deepmail.core.MailResources;
import io.deepmail.core.dns.DnsAnswer;
import io.deepmail.core.dns.DnsLookup;
import io.deepmail.core.dns.DnsOptions;
import io.deepmail.core.dns.DnssecStatus;
import io.deepmail.core.dns.SrvRecord;
import io.deepmail.core.dns.TlsaRecord;
import io.deepmail.core.metrics.MailClientMetricsRecorder;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.resolver.dns.DnsNameResolver;
import io.netty.resolver.dns.DnsServerAddressStream;
import io.netty.resolver.dns.DnsServerAddressStreamProviders;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.resources.LoopResources;

/**
 * {@link DnsLookup} on Netty's {@link DnsNameResolver}. Each lookup asks the configured resolvers
 * in turn, with the DO and AD bits; a SERVFAIL is asked again of the same resolver with CD set, and
 * an answer then means the data is there but does not validate: BOGUS. Timeouts, refusals, network
 * errors and malformed data are retried on the next resolver up to {@link DnsOptions#retries()}
 * times, then give INDETERMINATE. Usable answers are cached by TTL.
 */
public final class NettyDnsLookup implements DnsLookup {

    private static final Logger LOG = LoggerFactory.getLogger(NettyDnsLookup.class);

    private final DnsOptions options;
    private final List<InetSocketAddress> servers;
    private final DnsNameResolver validating;
    private final DnsNameResolver checkingDisabled;
    private final @Nullable AnswerCache cache;
    private final MailClientMetricsRecorder metrics;
    private volatile boolean disposed;

    private NettyDnsLookup(MailResources resources, DnsOptions options, LongSupplier nanoClock,
            MailClientMetricsRecorder metrics) {
        this.options = options;
        this.metrics = metrics;
        this.servers = options.resolvers().isEmpty() ? platformServers() : options.resolvers();
        if (servers.isEmpty()) {
            throw new IllegalStateException("no DNS resolver configured, and the platform names none");
        }
        LoopResources loops = resources.loops();
        EventLoopGroup group = loops.onClient(LoopResources.DEFAULT_NATIVE);
        EventLoop loop = group.next();
        this.validating = Resolvers.build(loops, group, loop, options, servers, DnsHeaderFlags.AD);
        this.checkingDisabled = Resolvers.build(loops, group, loop, options, servers,
                DnsHeaderFlags.AD | DnsHeaderFlags.CD);
        this.cache = options.cache() ? new AnswerCache(options.cacheSize(), options.cacheMaxTtl(), nanoClock) : null;
    }

    /**
     * A lookup on the given event loops.
     *
     * @param resources the client's event loops
     * @param options the options
     * @return the lookup
     */
    public static NettyDnsLookup create(MailResources resources, DnsOptions options) {
        return create(resources, options, System::nanoTime);
    }

    /**
     * A lookup on the given event loops that records every answer from the network.
     *
     * @param resources the client's event loops
     * @param options the options
     * @param metrics the recorder
     * @return the lookup
     */
    public static NettyDnsLookup create(MailResources resources, DnsOptions options,
            MailClientMetricsRecorder metrics) {
        return new NettyDnsLookup(Objects.requireNonNull(resources, "resources"),
                Objects.requireNonNull(options, "options"), System::nanoTime, Objects.requireNonNull(metrics, "metrics"));
    }

    /**
     * A lookup whose cache runs on the given clock, for tests.
     *
     * @param resources the client's event loops
     * @param options the options
     * @param nanoClock a monotonic clock in nanoseconds
     * @return the lookup
     */
    public static NettyDnsLookup create(MailResources resources, DnsOptions options, LongSupplier nanoClock) {
        return new NettyDnsLookup(Objects.requireNonNull(resources, "resources"),
                Objects.requireNonNull(options, "options"), Objects.requireNonNull(nanoClock, "nanoClock"),
                MailClientMetricsRecorder.NOOP);
    }

    /** The platform's name servers, in their configured order (read once, may touch the file system). */
    private static List<InetSocketAddress> platformServers() {
        DnsServerAddressStream stream = DnsServerAddressStreamProviders.platformDefault().nameServerAddressStream("");
        List<InetSocketAddress> list = new ArrayList<>();
        for (int i = 0; i < stream.size(); i++) {
            InetSocketAddress a = stream.next();
            if (!list.contains(a)) {
                list.add(a);
            }
        }
        return List.copyOf(list);
    }

    @Override
    public Mono<DnsAnswer<SrvRecord>> srv(String name) {
        return lookup(name, RecordKind.SRV);
    }

    @Override
    public Mono<DnsAnswer<TlsaRecord>> tlsa(String name) {
        return lookup(name, RecordKind.TLSA);
    }

    @Override
    public Mono<DnsAnswer<InetAddress>> addresses(String host) {
        return Mono.zip(lookup(host, RecordKind.A), lookup(host, RecordKind.AAAA), AddressAnswers::combine);
    }

    @Override
    public void dispose() {
        disposed = true;
        validating.close();
        checkingDisabled.close();
    }

    @Override
    public boolean isDisposed() {
        return disposed;
    }

    private <T> Mono<DnsAnswer<T>> lookup(String rawName, RecordKind<T> kind) {
        return Mono.defer(() -> {
            String name = QueryNames.normalize(rawName);
            if (disposed) {
                return Mono.just(DnsAnswer.failed(name, DnssecStatus.INDETERMINATE));
            }
            DnsAnswer<T> hit = cache == null ? null : cache.get(kind.type().name(), name);
            if (hit != null) {
                return Mono.just(hit);
            }
            long started = System.nanoTime();
            return attempt(name, kind, 0).doOnNext(answer -> {
                record(kind, answer, started);
                if (cache != null) {
                    cache.put(kind.type().name(), answer);
                }
            });
        });
    }

    private void record(RecordKind<?> kind, DnsAnswer<?> answer, long startedNanos) {
        try {
            metrics.recordDnsLookup(kind.type().name(), answer.status(), answer.outcome(),
                    Duration.ofNanos(System.nanoTime() - startedNanos));
        } catch (RuntimeException e) {
            LOG.warn("metrics recorder failed on a {} lookup", kind.type(), e);
        }
    }

    private <T> Mono<DnsAnswer<T>> attempt(String name, RecordKind<T> kind, int n) {
        InetSocketAddress server = servers.get(n % servers.size());
        return ResolverQuery.send(validating, server, name, kind, options).flatMap(result -> {
            if (result instanceof QueryResult.Answered<T> answered) {
                return Mono.just(answered.answer());
            }
            if (result instanceof QueryResult.ServerFailure<T>) {
                return ResolverQuery.send(checkingDisabled, server, name, kind, options).flatMap(cd -> {
                    if (cd instanceof QueryResult.Answered<T>) {
                        LOG.debug("{} {} via {}: SERVFAIL, but answered with CD set: BOGUS", name, kind.type(), server);
                        return Mono.just(DnsAnswer.<T>failed(name, DnssecStatus.BOGUS));
                    }
                    return next(name, kind, n, "SERVFAIL, and no answer with CD set either");
                });
            }
            return next(name, kind, n, ((QueryResult.Failed<T>) result).reason());
        });
    }

    private <T> Mono<DnsAnswer<T>> next(String name, RecordKind<T> kind, int n, String reason) {
        InetSocketAddress server = servers.get(n % servers.size());
        LOG.debug("{} {} via {}: {} (attempt {} of {})", name, kind.type(), server, reason, n + 1,
                options.retries() + 1);
        if (n < options.retries()) {
            return attempt(name, kind, n + 1);
        }
        return Mono.just(DnsAnswer.failed(name, DnssecStatus.INDETERMINATE));
    }
}
