package io.deepmail.core.internal.transport;

import reactor.core.CoreSubscriber;

/** The current subscriber to responses that belong to no exchange. */
final class UnsolicitedReceiver<R> extends Receiver<R> {

    UnsolicitedReceiver(ExchangeHandler<?, R> engine, CoreSubscriber<? super R> actual) {
        super(engine, actual, engine.options().maxBufferedResponses());
    }

    @Override
    void onCancel() {
        engine.unsolicitedCancelled(this);
    }
}
