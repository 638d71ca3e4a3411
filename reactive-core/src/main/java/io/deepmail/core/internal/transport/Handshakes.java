package io.deepmail.core.internal.transport;

import io.deepmail.core.Endpoint;
import io.deepmail.core.MailClientException;
import io.deepmail.core.TlsPolicyException;
import io.deepmail.core.internal.tls.ClientTlsContext;
import io.deepmail.core.internal.tls.PeerVerification;
import io.deepmail.core.internal.tls.TlsFailures;
import io.deepmail.core.internal.tls.TlsSessions;
import io.deepmail.core.metrics.MailClientMetricsRecorder;
import io.deepmail.core.metrics.MailPhase;
import io.deepmail.core.metrics.PhaseHandle;
import io.deepmail.core.security.DiscoveryTrust;
import io.deepmail.core.security.SessionSecurity;
import io.deepmail.core.transport.TimeoutOptions;
import io.netty.channel.Channel;
import io.netty.handler.ssl.SslHandler;
import java.net.InetSocketAddress;
import java.time.Duration;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * Waits for a TLS handshake and turns its outcome into a security record or a typed failure.
 * Shared by Implicit TLS and STARTTLS, so both enforce exactly the same checks.
 */
final class Handshakes {

    private Handshakes() {
    }

    static SslHandler newHandler(Channel channel, ClientTlsContext context, Endpoint endpoint,
            PeerVerification verification, TimeoutOptions timeouts) {
        SslHandler h = context.newHandler(channel.alloc(), endpoint.host(), endpoint.port(), verification,
                timeouts.handshake().toMillis());
        h.setCloseNotifyFlushTimeoutMillis(timeouts.close().toMillis());
        h.setCloseNotifyReadTimeoutMillis(0);
        return h;
    }

    static Mono<SessionSecurity> await(SslHandler handler, ClientTlsContext context, PeerVerification verification,
            Endpoint endpoint, InetSocketAddress remote, DiscoveryTrust trust, Duration handshakeTimeout,
            MailClientMetricsRecorder metrics, long startNanos) {
        return Mono.create(sink -> {
            PhaseHandle phase = metrics.startPhase(MailPhase.TLS_HANDSHAKE, endpoint, "");
            sink.onCancel(phase::cancelled);
            handler.handshakeFuture().addListener(f -> {
                context.release(handler);
                if (!f.isSuccess()) {
                    fail(sink, TlsFailures.map(f.cause(), verification, endpoint.mode(), endpoint.host(),
                            handshakeTimeout), endpoint, metrics, startNanos, phase);
                    return;
                }
                try {
                    SessionSecurity security = TlsSessions.establish(handler, context, verification, endpoint, remote,
                            trust);
                    metrics.recordTlsHandshakeTime(endpoint, TransportConnector.since(startNanos), true);
                    phase.succeeded();
                    sink.success(security);
                } catch (MailClientException e) {
                    fail(sink, e, endpoint, metrics, startNanos, phase);
                } catch (RuntimeException e) {
                    fail(sink, new TlsPolicyException("the TLS session could not be checked, so it was refused: " + e,
                            e), endpoint, metrics, startNanos, phase);
                }
            });
        });
    }

    private static void fail(MonoSink<SessionSecurity> sink, MailClientException failure, Endpoint endpoint,
            MailClientMetricsRecorder metrics, long startNanos, PhaseHandle phase) {
        metrics.recordTlsHandshakeTime(endpoint, TransportConnector.since(startNanos), false);
        metrics.recordTlsFailure(endpoint, failure);
        phase.failed(failure);
        sink.error(failure);
    }
}
