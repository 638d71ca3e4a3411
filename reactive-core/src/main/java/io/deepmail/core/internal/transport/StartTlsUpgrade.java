package io.deepmail.core.internal.transport;

import io.deepmail.core.StartTlsInjectionException;
import io.deepmail.core.StartTlsUnavailableException;
import io.deepmail.core.internal.tls.ClientTlsContext;
import io.deepmail.core.internal.tls.PeerVerification;
import io.deepmail.core.metrics.MailClientMetricsRecorder;
import io.deepmail.core.security.SessionSecurity;
import io.deepmail.core.transport.ConnectRequest;
import io.deepmail.core.transport.MailDecoder;
import io.deepmail.core.transport.TimeoutOptions;
import io.netty.channel.Channel;
import io.netty.handler.ssl.SslHandler;
import java.net.InetSocketAddress;
import java.time.Duration;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The protocol-independent STARTTLS step (TLS-09..12), run on the event loop the moment the
 * server's final reply to STARTTLS has been decoded, before any further inbound byte is looked at:
 * <ol>
 *   <li>a reply that is not the go-ahead fails with {@link StartTlsUnavailableException} (TLS-15);</li>
 *   <li>any byte still buffered behind the go-ahead is injected plaintext: it is never decoded, and
 *       the connection fails with {@link StartTlsInjectionException} (TLS-11). Plaintext that arrives
 *       later reaches the TLS handler, which rejects it the same way;</li>
 *   <li>the TLS handler goes first in the pipeline and the handshake runs, with the same
 *       certificate, identity and TLS-16 checks as Implicit TLS;</li>
 *   <li>the decoder forgets everything learned before TLS (TLS-12).</li>
 * </ol>
 * The exchange engine writes nothing between the STARTTLS command and the end of this step (TLS-10).
 */
final class StartTlsUpgrade {

    private final Channel channel;
    private final ConnectRequest request;
    private final ClientTlsContext context;
    private final PeerVerification verification;
    private final TimeoutOptions timeouts;
    private final MailClientMetricsRecorder metrics;
    private final Sinks.One<SessionSecurity> result = Sinks.one();
    private volatile long handshakeNanos;

    StartTlsUpgrade(Channel channel, ConnectRequest request, ClientTlsContext context, PeerVerification verification,
            TimeoutOptions timeouts, MailClientMetricsRecorder metrics) {
        this.channel = channel;
        this.request = request;
        this.context = context;
        this.verification = verification;
        this.timeouts = timeouts;
        this.metrics = metrics;
    }

    /**
     * Runs the step for the final reply to STARTTLS. Must be called on the event loop, inside the
     * read that delivered the reply; the returned Mono completes when the handshake and all checks
     * have passed, and holds back every later write until then.
     *
     * @param goAhead whether the reply lets TLS start
     * @param reply the reply, for the error message
     * @return completion of the upgrade
     */
    Mono<Void> onReply(boolean goAhead, String reply) {
        Mono<SessionSecurity> upgrade = upgrade(goAhead, reply);
        return upgrade
                .doOnNext(result::tryEmitValue)
                .doOnError(result::tryEmitError)
                .then();
    }

    private Mono<SessionSecurity> upgrade(boolean goAhead, String reply) {
        if (!goAhead) {
            return Mono.error(new StartTlsUnavailableException("the server refused STARTTLS (" + reply.strip()
                    + "); the TLS policy does not allow continuing in cleartext (TLS-15)"));
        }
        MailDecoder decoder = channel.pipeline().get(MailDecoder.class);
        if (decoder == null) {
            return Mono.error(new IllegalStateException("STARTTLS needs a MailDecoder in the pipeline to rule out "
                    + "injected plaintext"));
        }
        int buffered = decoder.bufferedBytes();
        if (buffered > 0) {
            return Mono.error(new StartTlsInjectionException(buffered + " plaintext byte(s) followed the server's "
                    + "STARTTLS go-ahead; they were discarded unread and the connection closed (TLS-11)"));
        }
        SslHandler handler = Handshakes.newHandler(channel, context, request, verification, timeouts);
        long started = System.nanoTime();
        channel.pipeline().addFirst(TransportConnector.SSL_HANDLER, handler)
                .addAfter(TransportConnector.SSL_HANDLER, HandshakeFailureSink.NAME, new HandshakeFailureSink(handler));
        return Handshakes.await(channel, handler, context, verification, request.endpoint(),
                        (InetSocketAddress) channel.remoteAddress(), request.discoveryTrust(), timeouts.handshake(),
                        metrics, started)
                .doOnNext(security -> {
                    handshakeNanos = System.nanoTime() - started;
                    decoder.resetAfterTls();
                });
    }

    /**
     * The security record, once {@link #onReply} has succeeded, or its failure.
     *
     * @return the record
     */
    Mono<SessionSecurity> result() {
        return result.asMono();
    }

    Duration handshakeTime() {
        return Duration.ofNanos(handshakeNanos);
    }
}
