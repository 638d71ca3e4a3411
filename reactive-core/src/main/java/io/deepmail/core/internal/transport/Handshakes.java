package io.deepmail.core.internal.transport;

import io.deepmail.core.Endpoint;
import io.deepmail.core.MailClientException;
import io.deepmail.core.TlsPolicyException;
import io.deepmail.core.internal.tls.ClientTlsContext;
import io.deepmail.core.internal.tls.PeerVerification;
import io.deepmail.core.internal.tls.TlsFailures;
import io.deepmail.core.internal.tls.TlsSessions;
import io.deepmail.core.metrics.MailClientMetricsRecorder;
import io.deepmail.core.security.DiscoveryTrust;
import io.deepmail.core.security.SessionSecurity;
import io.deepmail.core.transport.ConnectRequest;
import io.deepmail.core.transport.TimeoutOptions;
import io.netty.channel.Channel;
import io.netty.handler.ssl.SslHandler;
import java.net.InetSocketAddress;
import java.time.Duration;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Waits for a TLS handshake and turns its outcome into a security record or a typed failure.
 * Shared by Implicit TLS and STARTTLS, so both enforce exactly the same checks.
 */
final class Handshakes {

    private Handshakes() {
    }

    static SslHandler newHandler(Channel channel, ClientTlsContext context, ConnectRequest request,
            PeerVerification verification, TimeoutOptions timeouts) {
        SslHandler h = context.newHandler(channel.alloc(), request.sni(), request.endpoint().port(), verification,
                timeouts.handshake().toMillis());
        h.setCloseNotifyFlushTimeoutMillis(timeouts.close().toMillis());
        h.setCloseNotifyReadTimeoutMillis(0);
        return h;
    }

    static Mono<SessionSecurity> await(Channel channel, SslHandler handler, ClientTlsContext context, PeerVerification verification,
            Endpoint endpoint, InetSocketAddress remote, DiscoveryTrust trust, Duration handshakeTimeout,
            MailClientMetricsRecorder metrics, long startNanos) {
        Mono<Void> handshake = Mono.create(sink -> handler.handshakeFuture().addListener(f -> {
            context.release(handler);
            if (f.isSuccess()) {
                sink.success();
            } else {
                metrics.recordTlsHandshakeTime(endpoint, TransportConnector.since(startNanos), false);
                sink.error(TlsFailures.map(f.cause(), verification, endpoint.mode(), endpoint.host(), handshakeTimeout));
            }
        }));
        Mono<SessionSecurity> establish = Mono.fromCallable(
                () -> TlsSessions.establish(handler, context, verification, endpoint, remote, trust));
        return handshake
                // A resumed session skipped the trust manager: its chain is verified now, on a worker
                // thread, because path validation may block (the JDK loads files on first use).
                .then(Mono.defer(() -> verification.result() != null ? establish
                        : establish.subscribeOn(Schedulers.boundedElastic())
                                // back on the channel's event loop, where the protocol installs its codec
                                .publishOn(Schedulers.fromExecutor(channel.eventLoop()))))
                .doOnNext(s -> metrics.recordTlsHandshakeTime(endpoint, TransportConnector.since(startNanos), true))
                .onErrorMap(e -> !(e instanceof MailClientException), e -> new TlsPolicyException(
                        "the TLS session could not be checked, so it was refused: " + e, e))
                .doOnError(e -> {
                    if (handler.handshakeFuture().isSuccess()) {
                        metrics.recordTlsHandshakeTime(endpoint, TransportConnector.since(startNanos), false);
                    }
                });
    }
}
