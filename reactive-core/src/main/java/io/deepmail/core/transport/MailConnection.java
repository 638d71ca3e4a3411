package io.deepmail.core.transport;

import io.deepmail.core.Endpoint;
import io.deepmail.core.security.SessionSecurity;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelHandler;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.function.Predicate;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * One open connection, as protocol modules see it: a pipeline to put their codec into, the one
 * {@link ExchangeEngine} that talks through it, the STARTTLS primitive, and the security record.
 * Closing sends a TLS close_notify before the TCP close (TLS-18).
 *
 * @since 0.1
 */
public interface MailConnection extends Disposable {

    /**
     * The endpoint connected to.
     *
     * @return the endpoint
     */
    Endpoint endpoint();

    /**
     * The address connected to.
     *
     * @return the remote address
     */
    InetSocketAddress remoteAddress();

    /**
     * What protected the connection: present once Implicit TLS or STARTTLS completed with every
     * check passed, or for a cleartext endpoint; empty while a STARTTLS connection is still in
     * cleartext.
     *
     * @return the security record
     */
    Optional<SessionSecurity> security();

    /**
     * The channel's buffer allocator, for encoders that write straight into buffers.
     *
     * @return the allocator
     */
    ByteBufAllocator alloc();

    /**
     * Appends a codec handler to the pipeline, after the TLS handler and any codec already added.
     * Decoders must extend {@link MailDecoder}, so that STARTTLS can rule out injected bytes.
     *
     * @param name a unique pipeline name
     * @param handler the handler
     * @return this connection
     */
    MailConnection addCodec(String name, ChannelHandler handler);

    /**
     * Installs the exchange engine after the codecs. Call once, after {@link #addCodec}.
     *
     * @param correlator how responses are matched to commands
     * @param options queue bounds, pipelining and response timeout
     * @param <C> command type written to the codec
     * @param <R> response type read from the codec
     * @return the engine
     */
    <C, R> ExchangeEngine<C, R> exchange(Correlator<R> correlator, ExchangeOptions options);

    /**
     * Installs the exchange engine with default bounds and the transport's read-idle timeout
     * ({@link TimeoutOptions#readIdle()}) as the response timeout.
     *
     * @param correlator how responses are matched to commands
     * @param <C> command type written to the codec
     * @param <R> response type read from the codec
     * @return the engine
     */
    <C, R> ExchangeEngine<C, R> exchange(Correlator<R> correlator);

    /**
     * Upgrades a cleartext connection with STARTTLS (TLS-09..12). Sends {@code command} as an
     * exclusive exchange; when its final reply arrives the reply must satisfy {@code goAhead}, or
     * the result is a {@link io.deepmail.core.StartTlsUnavailableException}. Any byte received
     * behind the go-ahead fails the connection with {@link io.deepmail.core.StartTlsInjectionException}.
     * Then the handshake, certificate, identity and TLS-16 checks run exactly as for Implicit TLS,
     * the decoder is reset, and the security event is emitted. Nothing is written between the
     * command and the end of the handshake. On any failure the connection is closed.
     *
     * @param engine the connection's engine
     * @param command the STARTTLS / STLS command
     * @param isLast which reply ends the STARTTLS exchange
     * @param goAhead whether that final reply lets TLS start
     * @param <C> command type
     * @param <R> response type
     * @return the security record of the upgraded connection
     */
    <C, R> Mono<SessionSecurity> startTls(ExchangeEngine<C, R> engine, C command, Predicate<? super R> isLast,
            Predicate<? super R> goAhead);

    /**
     * Closes the connection: close_notify if TLS is up, then the TCP close, bounded by the close
     * timeout. Pending exchanges fail.
     *
     * @return completes when the channel is closed
     */
    Mono<Void> close();

    /**
     * Completes when the connection closes, for whatever reason.
     *
     * @return the close signal
     */
    Mono<Void> onClose();
}
