package io.deepmail.core.internal.transport;

import io.deepmail.core.transport.Correlator;
import io.deepmail.core.transport.ExchangeEngine;
import io.deepmail.core.transport.ExchangeOptions;
import io.netty.channel.ChannelHandler;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The engine's API: cold publishers over the one {@link ExchangeHandler} that does the work. */
final class DefaultExchangeEngine<C, R> implements ExchangeEngine<C, R> {

    private final ExchangeHandler<C, R> handler;

    DefaultExchangeEngine(Correlator<R> correlator, ExchangeOptions options) {
        this.handler = new ExchangeHandler<>(correlator, options);
    }

    @Override
    public ChannelHandler handler() {
        return handler;
    }

    @Override
    public Flux<R> exchange(Publisher<? extends C> commands, Predicate<? super R> isLast) {
        return exchange(null, commands, isLast);
    }

    @Override
    public Flux<R> exchange(C command, Predicate<? super R> isLast) {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(isLast, "isLast");
        return new ExchangeFlux<>(handler, new ExchangeSpec<>(null, null, command, isLast, null));
    }

    @Override
    public Flux<R> exchange(@Nullable Object routingKey, Publisher<? extends C> commands,
            Predicate<? super R> isLast) {
        Objects.requireNonNull(commands, "commands");
        Objects.requireNonNull(isLast, "isLast");
        return new ExchangeFlux<>(handler, new ExchangeSpec<>(routingKey, commands, null, isLast, null));
    }

    @Override
    public Flux<R> exchangeExclusive(C command, Predicate<? super R> isLast,
            Function<? super R, ? extends Mono<Void>> afterLast) {
        return exchangeExclusive(null, command, isLast, afterLast);
    }

    @Override
    public Flux<R> exchangeExclusive(@Nullable Object routingKey, C command, Predicate<? super R> isLast,
            Function<? super R, ? extends Mono<Void>> afterLast) {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(isLast, "isLast");
        Objects.requireNonNull(afterLast, "afterLast");
        return new ExchangeFlux<>(handler, new ExchangeSpec<>(routingKey, null, command, isLast, afterLast));
    }

    @Override
    public Flux<R> unsolicited() {
        return new UnsolicitedFlux<>(handler);
    }

    @Override
    public Mono<Void> close() {
        return handler.close();
    }
}
