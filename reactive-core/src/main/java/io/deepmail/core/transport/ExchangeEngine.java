package io.deepmail.core.transport;

import io.deepmail.core.internal.transport.ExchangeEngines;
import io.netty.channel.ChannelHandler;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Correlates commands written to one connection with the decoded responses read from it: the one
 * conversation primitive that POP3, Submission and IMAP sessions build on.
 *
 * <p><b>Exchanges.</b> Each subscription to a returned {@code Flux} starts one exchange: its
 * commands are written, then every response the {@link Correlator} routes to it is emitted, up to
 * and including the one its {@code isLast} predicate accepts, and the {@code Flux} completes.
 * Exchanges are queued in subscription order and their commands reach the wire in that order, one
 * exchange's commands after the other's. Without {@link ExchangeOptions#pipelining() pipelining}
 * an exchange writes only after the previous one has received its last response. A command
 * publisher is subscribed to when its exchange starts writing, and is read in small batches while
 * the channel is writable. If it fails before anything of it was written, only its exchange fails.
 *
 * <p><b>Installation.</b> The engine is a {@link #handler() channel handler} for exactly one
 * channel, placed after the protocol's decoder and encoder. From then on it owns the channel's
 * reading: it turns {@code autoRead} off and reads only while some subscriber has unmet demand. It
 * consumes every inbound message and exception, so handlers after it see none. Exchanges
 * subscribed before it is installed fail with {@link IllegalStateException}.
 *
 * <p><b>Threading.</b> Methods may be called and subscribed to from any thread; all state changes
 * and all signals to subscribers happen on the channel's event loop. Nothing blocks.
 *
 * <p><b>Cancellation.</b> An exchange cancelled before its commands are written is dropped without
 * writing anything. Once writing has started, cancelling does not stop the command publisher; the
 * engine keeps consuming and releasing the exchange's responses up to its last one, so the next
 * exchange starts on the right response. Conversely, when the server sends an exchange's last
 * response before its command publisher has completed, the publisher is cancelled and nothing more
 * of it is written.
 *
 * <p><b>Failure.</b> When the connection closes, an exception reaches the engine, a response
 * times out, a response cannot be routed or buffered, or a command publisher fails after part of it
 * was written, every pending and later exchange fails and the connection is closed. The error is the
 * {@link io.deepmail.core.MailClientException} at the root of the failure (also when a decoder
 * wrapped it), otherwise a {@link io.deepmail.core.ConnectionException}.
 *
 * <p><b>Buffers.</b> Responses and commands may be reference-counted. A subscriber owns every
 * response it receives; the engine releases every response it does not deliver. It also releases a
 * single command it never writes, and the commands a publisher discards, through Reactor's discard
 * hook, when the engine cancels it. A publisher that is never subscribed to, because its exchange
 * never started, releases nothing: create its buffers lazily, on subscription.
 *
 * @param <C> the command type, as accepted by the protocol's encoder
 * @param <R> the response type, as produced by the protocol's decoder
 * @since 0.1
 */
public interface ExchangeEngine<C, R> {

    /** Suggested name for {@link #handler()} in a channel pipeline. */
    String HANDLER_NAME = "deepmail.exchange";

    /**
     * Creates an engine, not yet installed.
     *
     * @param correlator routes responses to exchanges
     * @param options bounds and ordering
     * @param <C> the command type
     * @param <R> the response type
     * @return a new engine for one channel
     */
    static <C, R> ExchangeEngine<C, R> create(Correlator<R> correlator, ExchangeOptions options) {
        return ExchangeEngines.create(correlator, options);
    }

    /**
     * The handler to add to the pipeline of exactly one channel, after the protocol's decoder and
     * encoder. With Reactor Netty, add it through {@code Connection.addHandlerLast} so that it sits
     * before Reactor Netty's own inbound bridge.
     *
     * @return the engine's handler, the same instance on every call
     */
    ChannelHandler handler();

    /**
     * Starts an exchange without a routing key on each subscription.
     *
     * @param commands the commands to write, in order; may be empty, to await responses the server
     *     sends on its own, such as a greeting
     * @param isLast accepts the response that ends the exchange; called once per routed response, on
     *     the event loop, before the response is emitted
     * @return the responses routed to the exchange, up to and including the last one
     */
    Flux<R> exchange(Publisher<? extends C> commands, Predicate<? super R> isLast);

    /**
     * Starts an exchange of one command without a routing key on each subscription.
     *
     * @param command the command to write; if reference-counted, subscribe once, because each
     *     subscription writes it again
     * @param isLast accepts the response that ends the exchange
     * @return the responses routed to the exchange, up to and including the last one
     */
    Flux<R> exchange(C command, Predicate<? super R> isLast);

    /**
     * Starts an exchange with a routing key, for correlators that route by key (an IMAP tag).
     *
     * @param routingKey what the {@link Correlator} sees for this exchange while it is in flight
     * @param commands the commands to write, in order; may be empty
     * @param isLast accepts the response that ends the exchange
     * @return the responses routed to the exchange, up to and including the last one
     */
    Flux<R> exchange(@Nullable Object routingKey, Publisher<? extends C> commands, Predicate<? super R> isLast);

    /**
     * Starts an exchange that acts as a barrier, for STARTTLS and other changes to the stream
     * itself (TLS-10). Its command is written only after every earlier exchange has received its
     * last response. When its last response arrives, {@code afterLast} is called and the
     * {@code Mono} it returns is subscribed to at once, on the event loop, inside the read that
     * delivered that response: before any further inbound message is handled. Until that
     * {@code Mono} completes, nothing is written and any inbound message is a protocol violation;
     * later exchanges wait. The exchange completes after both its last response has been emitted
     * and the {@code Mono} has completed. If the {@code Mono} fails, the exchange fails with that
     * error, every other exchange fails and the connection is closed.
     *
     * <p>{@code afterLast} sees the last response before the subscriber does, and must neither
     * retain nor release it. The {@code Mono} should carry its own timeout: the engine's response
     * timeout does not run while the barrier is held.
     *
     * @param command the command to write
     * @param isLast accepts the response that ends the exchange
     * @param afterLast the stream change to make, such as installing TLS and awaiting its handshake
     * @return the responses routed to the exchange, up to and including the last one
     */
    Flux<R> exchangeExclusive(C command, Predicate<? super R> isLast,
            Function<? super R, ? extends Mono<Void>> afterLast);

    /**
     * Like {@link #exchangeExclusive(Object, Predicate, Function)}, with a routing key.
     *
     * @param routingKey what the {@link Correlator} sees for this exchange while it is in flight
     * @param command the command to write
     * @param isLast accepts the response that ends the exchange
     * @param afterLast the stream change to make
     * @return the responses routed to the exchange, up to and including the last one
     */
    Flux<R> exchangeExclusive(@Nullable Object routingKey, C command, Predicate<? super R> isLast,
            Function<? super R, ? extends Mono<Void>> afterLast);

    /**
     * Responses the {@link Correlator} routes to no exchange. One subscriber at a time; a second
     * concurrent subscriber fails with {@link IllegalStateException}. Without a subscriber such
     * responses are released and dropped. Its demand drives reading only while no exchange is in
     * flight. Completes after {@link #close()}, fails with the connection's failure otherwise.
     *
     * @return the unsolicited responses
     */
    Flux<R> unsolicited();

    /**
     * Closes the connection. Pending exchanges fail with a
     * {@link io.deepmail.core.ConnectionException}; {@link #unsolicited()} completes.
     *
     * @return completes once the channel is closed; at once if the engine was never installed
     */
    Mono<Void> close();
}
