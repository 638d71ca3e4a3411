package io.deepmail.core.internal.transport;

import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

/**
 * Writes one exchange's commands to the channel in order. Commands are requested in small batches
 * and only while the channel is writable; a batch emitted synchronously is flushed once. Commands
 * the publisher drops after a cancel are released through Reactor's discard hook, and commands
 * that arrive after the exchange or the engine failed are released unwritten.
 *
 * @param <C> the command type
 * @param <R> the response type
 */
final class CommandWriter<C, R> implements CoreSubscriber<C> {

    private static final int BATCH = 32;

    private final ExchangeHandler<C, R> engine;
    private final Conversation<C, R> conversation;
    private final Context context;
    private final AtomicReference<@Nullable Subscription> upstream = new AtomicReference<>();

    private int outstanding;
    private boolean inRequest;
    private boolean unflushed;
    private boolean awaitingWritability;
    private boolean done;

    CommandWriter(ExchangeHandler<C, R> engine, Conversation<C, R> conversation) {
        this.engine = engine;
        this.conversation = conversation;
        this.context = Operators.enableOnDiscard(conversation.actual.currentContext(), Releases::release);
    }

    @Override
    public Context currentContext() {
        return context;
    }

    @Override
    public void onSubscribe(Subscription s) {
        if (upstream.compareAndSet(null, s)) {
            engine.onLoop(this::requestMore);
        } else {
            s.cancel();
        }
    }

    @Override
    public void onNext(C command) {
        if (!engine.onLoop(() -> write(command))) {
            Releases.release(command);
        }
    }

    @Override
    public void onError(Throwable t) {
        engine.onLoop(() -> finish(t));
    }

    @Override
    public void onComplete() {
        engine.onLoop(() -> finish(null));
    }

    /** Stops the publisher; later commands are released, later terminal signals ignored. */
    void cancel() {
        done = true;
        Subscription s = upstream.getAndSet(Operators.cancelledSubscription());
        if (s != null) {
            s.cancel();
        }
    }

    /** Requests the next batch if writing paused while the channel was not writable. */
    void resume() {
        if (awaitingWritability) {
            awaitingWritability = false;
            requestMore();
        }
    }

    private void write(C command) {
        if (done || !engine.acceptsWrites()) {
            Releases.release(command);
            return;
        }
        outstanding--;
        conversation.commandWritten();
        engine.write(command);
        if (inRequest) {
            unflushed = true;
        } else {
            engine.flush();
        }
        if (outstanding == 0) {
            requestMore();
        }
    }

    private void finish(@Nullable Throwable failure) {
        if (done) {
            return;
        }
        done = true;
        if (conversation.hasWritten()) {
            engine.flush();
        }
        if (failure == null) {
            engine.commandsDone(conversation);
        } else {
            engine.commandsFailed(conversation, failure);
        }
    }

    private void requestMore() {
        Subscription s = upstream.get();
        if (done || outstanding > 0 || s == null || s == Operators.cancelledSubscription()) {
            return;
        }
        if (!engine.isWritable()) {
            awaitingWritability = true;
            return;
        }
        outstanding = BATCH;
        boolean outermost = !inRequest;
        inRequest = true;
        try {
            s.request(BATCH);
        } finally {
            if (outermost) {
                inRequest = false;
                if (unflushed) {
                    unflushed = false;
                    engine.flush();
                }
            }
        }
    }
}
