package io.deepmail.core.internal.transport;

import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;

/**
 * The cold {@code Flux} an exchange method returns: each subscription queues a new
 * {@link Conversation} with the engine.
 */
final class ExchangeFlux<C, R> extends Flux<R> {

    private final ExchangeHandler<C, R> engine;
    private final ExchangeSpec<C, R> spec;

    ExchangeFlux(ExchangeHandler<C, R> engine, ExchangeSpec<C, R> spec) {
        this.engine = engine;
        this.spec = spec;
    }

    @Override
    public void subscribe(CoreSubscriber<? super R> actual) {
        Conversation<C, R> conversation = new Conversation<>(engine, actual, spec);
        actual.onSubscribe(conversation);
        engine.submit(conversation);
    }
}
