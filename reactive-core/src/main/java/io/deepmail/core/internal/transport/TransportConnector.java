package io.deepmail.core.internal.transport;

import io.deepmail.core.ConnectionException;
import io.deepmail.core.Endpoint;
import io.deepmail.core.MailClientException;
import io.deepmail.core.MailResources;
import io.deepmail.core.MailTimeoutException;
import io.deepmail.core.SessionObserver;
import io.deepmail.core.TlsPolicyException;
import io.deepmail.core.TransportMode;
import io.deepmail.core.internal.tls.ClientTlsContext;
import io.deepmail.core.internal.tls.PeerVerification;
import io.deepmail.core.internal.tls.PeerVerifiers;
import io.deepmail.core.metrics.MailClientMetricsRecorder;
import io.deepmail.core.metrics.MailPhase;
import io.deepmail.core.metrics.PhaseHandle;
import io.deepmail.core.security.SessionSecurity;
import io.deepmail.core.tls.TlsOptions;
import io.deepmail.core.tls.TlsProvider;
import io.deepmail.core.transport.ConnectRequest;
import io.deepmail.core.transport.MailConnection;
import io.deepmail.core.transport.TimeoutOptions;
import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.ssl.SslHandler;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;
import reactor.netty.tcp.TcpClient;

/**
 * Opens one connection per request on Reactor Netty's {@code TcpClient}: TCP connect, then for
 * Implicit TLS the handshake with in-handshake certificate verification, the TLS-16 checks, the
 * security record and its event. Immutable; the lazily built TLS context is shared by copies that
 * keep the same TLS options.
 */
public final class TransportConnector {

    /** Pipeline name of the TLS handler deepmail installs first in the pipeline. */
    public static final String SSL_HANDLER = "deepmail.ssl";

    private final MailResources resources;
    private final HandshakeGate handshakes;
    private final Memo<ClientTlsContext> tlsContext;
    private final TimeoutOptions timeouts;
    private final SessionObserver observer;
    private final MailClientMetricsRecorder metrics;
    /** What every connection shares, configured once: each configuration call copies the client. */
    private final TcpClient base;

    private TransportConnector(MailResources resources, Memo<ClientTlsContext> tlsContext,
            TimeoutOptions timeouts, SessionObserver observer, MailClientMetricsRecorder metrics) {
        this.resources = resources;
        this.handshakes = HandshakeGate.of(resources);
        this.tlsContext = tlsContext;
        this.timeouts = timeouts;
        this.observer = observer;
        this.metrics = metrics;
        this.base = TcpClient.newConnection()
                .runOn(resources.loops())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) timeouts.connect().toMillis())
                .option(ChannelOption.AUTO_READ, false);
    }

    /**
     * Creates a connector with a new, lazily built TLS context for {@code tls}.
     *
     * @param resources event loops
     * @param tls TLS options
     * @param timeouts timeouts
     * @param observer observer
     * @param metrics metrics recorder
     * @return the connector
     */
    public static TransportConnector create(MailResources resources, TlsOptions tls, TimeoutOptions timeouts,
            SessionObserver observer, MailClientMetricsRecorder metrics) {
        return new TransportConnector(resources, new Memo<>(() -> ClientTlsContext.build(tls)), timeouts, observer,
                metrics);
    }

    /**
     * A copy with other timeouts, observer and recorder, sharing the TLS context.
     *
     * @param timeouts timeouts
     * @param observer observer
     * @param metrics metrics recorder
     * @return the connector
     */
    public TransportConnector with(TimeoutOptions timeouts, SessionObserver observer, MailClientMetricsRecorder metrics) {
        return new TransportConnector(resources, tlsContext, timeouts, observer, metrics);
    }

    /**
     * The provider the TLS context uses.
     *
     * @return the provider
     */
    public TlsProvider tlsProvider() {
        return tlsContext.get().provider();
    }

    /**
     * Opens a connection. A request that must not connect at all (a bogus TLSA answer, or TLSA
     * records on a cleartext endpoint) fails before any TCP connection is made.
     *
     * @param request what to connect to
     * @return the connection
     */
    public Mono<MailConnection> connect(ConnectRequest request) {
        TlsPolicyException refused = PeerVerifiers.refusal(request);
        if (refused != null) {
            metrics.recordTlsFailure(request.endpoint(), refused);
            return Mono.error(refused);
        }
        if (request.endpoint().mode() == TransportMode.PLAINTEXT) {
            return Mono.defer(() -> open(request, null));
        }
        // Implicit TLS holds a handshake slot from before the TCP connect until the checks are done;
        // STARTTLS takes one later, before it sends the command (DefaultMailConnection#startTls).
        return tlsContext().flatMap(context -> request.endpoint().mode() == TransportMode.IMPLICIT
                ? handshakes.around(open(request, context), timeouts.connect())
                : open(request, context));
    }

    /**
     * The TLS context, built on a worker thread the first time: building reads the system trust
     * store, which must never happen on an event loop.
     */
    private Mono<ClientTlsContext> tlsContext() {
        ClientTlsContext built = tlsContext.peek();
        return built != null ? Mono.just(built)
                : Mono.fromCallable(tlsContext::get).subscribeOn(Schedulers.boundedElastic());
    }

    private Mono<MailConnection> open(ConnectRequest request, @Nullable ClientTlsContext context) {
        Endpoint endpoint = request.endpoint();
        boolean implicit = endpoint.mode() == TransportMode.IMPLICIT;
        PeerVerification verification = context == null ? null : PeerVerifiers.forRequest(context, request);
        AtomicReference<SslHandler> handler = new AtomicReference<>();
        long started = System.nanoTime();
        TcpClient client = base
                .remoteAddress(request::socketAddress)
                .doOnChannelInit((obs, channel, address) -> {
                    Pipelines.addBeforeBridge(channel.pipeline(), InboundHold.NAME, new InboundHold());
                    if (implicit && context != null && verification != null) {
                        SslHandler h = Handshakes.newHandler(channel, context, request, verification, timeouts);
                        handler.set(h);
                        channel.pipeline().addFirst(SSL_HANDLER, h)
                                .addAfter(SSL_HANDLER, HandshakeFailureSink.NAME, new HandshakeFailureSink(h));
                    }
                });
        PhaseHandle phase = metrics.startPhase(MailPhase.CONNECT, endpoint, "");
        // Reactor Netty keeps the connect Mono's subscriber for as long as the connection lives (its
        // connection observer): detach it, or each idle session holds this whole pipeline (B2).
        return client.connect()
                .onTerminateDetach()
                .onErrorMap(e -> !(e instanceof MailClientException), e -> connectFailure(endpoint, e))
                .doOnCancel(phase::cancelled)
                .doOnNext(conn -> phase.succeeded())
                .doOnError(e -> {
                    metrics.recordConnectTime(endpoint, since(started), false);
                    phase.failed(e);
                    SslHandler h = handler.get();
                    if (h != null && context != null) {
                        context.release(h);
                    }
                })
                .flatMap(conn -> established(request, conn, context, handler.get(), verification, started));
    }

    private Mono<MailConnection> established(ConnectRequest request, Connection conn,
            @Nullable ClientTlsContext context, @Nullable SslHandler handler, @Nullable PeerVerification verification,
            long started) {
        Endpoint endpoint = request.endpoint();
        Duration connectTime = since(started);
        metrics.recordConnectTime(endpoint, connectTime, true);
        observer.onStateChange(endpoint, SessionObserver.State.CONNECTED);
        InetSocketAddress remote = (InetSocketAddress) conn.channel().remoteAddress();
        DefaultMailConnection connection = new DefaultMailConnection(conn, request, remote, context, handshakes,
                timeouts, observer, metrics, connectTime);
        Mono<MailConnection> ready;
        if (endpoint.mode() == TransportMode.IMPLICIT && handler != null && context != null && verification != null) {
            long hsStart = System.nanoTime();
            ready = Handshakes.await(conn.channel(), handler, context, verification, endpoint, remote, request.discoveryTrust(),
                            timeouts.handshake(), metrics, hsStart)
                    .map(security -> {
                        SecurityEvents.publish(security, connectTime, since(hsStart), observer, metrics);
                        connection.secured(security);
                        return (MailConnection) connection;
                    });
        } else if (endpoint.mode() == TransportMode.PLAINTEXT) {
            SessionSecurity security = SessionSecurity.cleartext(endpoint, remote, request.discoveryTrust());
            SecurityEvents.publish(security, connectTime, Duration.ZERO, observer, metrics);
            connection.secured(security);
            ready = Mono.just(connection);
        } else {
            ready = Mono.just(connection);
        }
        return ready
                .doOnError(e -> conn.dispose())
                .doOnCancel(conn::dispose);
    }

    private MailClientException connectFailure(Endpoint endpoint, Throwable e) {
        if (e instanceof ConnectTimeoutException) {
            return new MailTimeoutException("TCP connect to " + endpoint.host() + ":" + endpoint.port(),
                    timeouts.connect());
        }
        return new ConnectionException("cannot connect to " + endpoint + ": " + e.getMessage(), e);
    }

    static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** A value computed at most once (a race may compute it twice; one result wins). */
    private static final class Memo<T> {

        private final Supplier<T> supplier;
        private final AtomicReference<@Nullable T> value = new AtomicReference<>();

        Memo(Supplier<T> supplier) {
            this.supplier = supplier;
        }

        @Nullable T peek() {
            return value.get();
        }

        T get() {
            T v = value.get();
            if (v != null) {
                return v;
            }
            value.compareAndSet(null, supplier.get());
            return java.util.Objects.requireNonNull(value.get());
        }
    }
}
