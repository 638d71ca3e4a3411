package io.deepmail.core.internal.transport;

import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;

/** The {@code Flux} of unsolicited responses: each subscription attaches a new receiver. */
final class UnsolicitedFlux<R> extends Flux<R> {

    private final ExchangeHandler<?, R> engine;

    UnsolicitedFlux(ExchangeHandler<?, R> engine) {
        this.engine = engine;
    }

    @Override
    public void subscribe(CoreSubscriber<? super R> actual) {
        UnsolicitedReceiver<R> receiver = new UnsolicitedReceiver<>(engine, actual);
        actual.onSubscribe(receiver);
        engine.attachUnsolicited(receiver);
    }
}
