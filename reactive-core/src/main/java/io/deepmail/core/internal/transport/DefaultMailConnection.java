package io.deepmail.core.internal.transport;

import io.deepmail.core.Endpoint;
import io.deepmail.core.MailClientException;
import io.deepmail.core.SessionObserver;
import io.deepmail.core.TlsPolicyException;
import io.deepmail.core.TransportMode;
import io.deepmail.core.internal.tls.ClientTlsContext;
import io.deepmail.core.internal.tls.PeerVerification;
import io.deepmail.core.internal.tls.PeerVerifiers;
import io.deepmail.core.metrics.MailClientMetricsRecorder;
import io.deepmail.core.security.SessionSecurity;
import io.deepmail.core.transport.ConnectRequest;
import io.deepmail.core.transport.Correlator;
import io.deepmail.core.transport.ExchangeEngine;
import io.deepmail.core.transport.ExchangeOptions;
import io.deepmail.core.transport.MailConnection;
import io.deepmail.core.transport.TimeoutOptions;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;

/** A {@link MailConnection} over a Reactor Netty {@link Connection}. */
final class DefaultMailConnection implements MailConnection {

    private final Connection connection;
    private final ConnectRequest request;
    private final InetSocketAddress remote;
    private final @Nullable ClientTlsContext context;
    private final HandshakeGate handshakes;
    private final TimeoutOptions timeouts;
    private final SessionObserver observer;
    private final MailClientMetricsRecorder metrics;
    private final Duration connectTime;
    private volatile @Nullable SessionSecurity security;

    DefaultMailConnection(Connection connection, ConnectRequest request, InetSocketAddress remote,
            @Nullable ClientTlsContext context, HandshakeGate handshakes, TimeoutOptions timeouts,
            SessionObserver observer, MailClientMetricsRecorder metrics, Duration connectTime) {
        this.connection = connection;
        this.request = request;
        this.remote = remote;
        this.context = context;
        this.handshakes = handshakes;
        this.timeouts = timeouts;
        this.observer = observer;
        this.metrics = metrics;
        this.connectTime = connectTime;
        connection.onDispose(() -> observer.onStateChange(request.endpoint(), SessionObserver.State.DISCONNECTED));
    }

    void secured(SessionSecurity security) {
        this.security = security;
    }

    @Override
    public Endpoint endpoint() {
        return request.endpoint();
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return remote;
    }

    @Override
    public Optional<SessionSecurity> security() {
        return Optional.ofNullable(security);
    }

    @Override
    public ByteBufAllocator alloc() {
        return connection.channel().alloc();
    }

    @Override
    public MailConnection addCodec(String name, ChannelHandler handler) {
        addBeforeBridge(name, handler);
        return this;
    }

    @Override
    public <C, R> ExchangeEngine<C, R> exchange(Correlator<R> correlator) {
        return exchange(correlator, ExchangeOptions.defaults().mutate().responseTimeout(timeouts.readIdle()).build());
    }

    @Override
    public <C, R> ExchangeEngine<C, R> exchange(Correlator<R> correlator, ExchangeOptions options) {
        ExchangeEngine<C, R> engine = ExchangeEngine.create(correlator, options);
        addBeforeBridge(ExchangeEngine.HANDLER_NAME, engine.handler());
        // Bytes the server sent before the codec existed now go through it; the engine keeps any
        // response that precedes the first exchange for that exchange.
        Channel channel = connection.channel();
        if (channel.eventLoop().inEventLoop()) {
            InboundHold.release(channel.pipeline());
        } else {
            channel.eventLoop().execute(() -> InboundHold.release(channel.pipeline()));
        }
        return engine;
    }

    private void addBeforeBridge(String name, ChannelHandler handler) {
        Pipelines.addBeforeBridge(connection.channel().pipeline(), name, handler);
    }

    @Override
    public <C, R> Mono<SessionSecurity> startTls(ExchangeEngine<C, R> engine, C command,
            Predicate<? super R> isLast, Predicate<? super R> goAhead) {
        return Mono.defer(() -> {
            ClientTlsContext ctx = context;
            if (ctx == null || request.endpoint().mode() != TransportMode.STARTTLS || security != null) {
                return Mono.error(new IllegalStateException("STARTTLS applies once, to a cleartext connection on a "
                        + "STARTTLS endpoint"));
            }
            Channel channel = connection.channel();
            PeerVerification verification = PeerVerifiers.forRequest(ctx, request);
            StartTlsUpgrade upgrade = new StartTlsUpgrade(channel, request, ctx, verification, timeouts, metrics);
            // The handshake slot is taken before STARTTLS is sent, so the handshake starts the
            // moment the go-ahead is read (TLS-10), and given back once the checks are done.
            return handshakes.around(engine.exchangeExclusive(command, isLast,
                                    reply -> upgrade.onReply(goAhead.test(reply), String.valueOf(reply)))
                            .then(upgrade.result()), timeouts.connect())
                    .doOnNext(s -> {
                        SecurityEvents.publish(s, connectTime, upgrade.handshakeTime(), observer, metrics);
                        secured(s);
                    })
                    .onErrorResume(e -> close().then(Mono.error(e instanceof MailClientException ? e
                            : new TlsPolicyException("STARTTLS failed, so the connection was closed: "
                                    + e.getMessage(), e))));
        });
    }

    @Override
    public Mono<Void> close() {
        return Mono.defer(() -> {
            if (connection.isDisposed()) {
                return Mono.empty();
            }
            connection.dispose();
            return connection.onDispose();
        }).timeout(timeouts.close(), Mono.fromRunnable(() -> connection.channel().close()));
    }

    @Override
    public Mono<Void> onClose() {
        return connection.onDispose();
    }

    @Override
    public void dispose() {
        connection.dispose();
    }

    @Override
    public boolean isDisposed() {
        return connection.isDisposed();
    }
}
