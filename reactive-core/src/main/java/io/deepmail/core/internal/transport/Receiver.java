package io.deepmail.core.internal.transport;

import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Operators;

/**
 * One subscriber's share of the routed responses: a bounded buffer drained to the subscriber's
 * demand. Demand and cancellation may be signalled from any thread; everything else, including
 * every signal to the subscriber, happens on the engine's event loop. Responses that are buffered
 * but never delivered are released.
 *
 * @param <R> the response type
 */
abstract class Receiver<R> implements Subscription {

    final ExchangeHandler<?, R> engine;
    final CoreSubscriber<? super R> actual;

    /** Starts small (an idle session holds thousands of these); it grows with a burst of responses. */
    private final ArrayDeque<R> buffer = new ArrayDeque<>(2);
    private final int capacity;
    private final AtomicLong requested = new AtomicLong();
    private volatile boolean cancelled;

    private boolean done;
    private @Nullable Throwable error;
    private boolean terminated;
    private boolean emitting;
    private boolean missed;

    Receiver(ExchangeHandler<?, R> engine, CoreSubscriber<? super R> actual, int capacity) {
        this.engine = engine;
        this.actual = actual;
        this.capacity = capacity;
    }

    @Override
    public final void request(long n) {
        if (Operators.validate(n)) {
            requested.getAndAccumulate(n, Operators::addCap);
            engine.onLoop(this::requested);
        }
    }

    @Override
    public final void cancel() {
        if (!cancelled) {
            cancelled = true;
            engine.onLoop(this::cancelled);
        }
    }

    /** Called on the event loop once, after the subscriber cancelled; the buffer is already empty. */
    abstract void onCancel();

    final boolean isCancelled() {
        return cancelled;
    }

    final boolean isTerminated() {
        return terminated;
    }

    /** Whether the subscriber asked for more than it has waiting: the engine should read for it. */
    final boolean hasUnmetDemand() {
        return !cancelled && !terminated && !done && buffer.isEmpty() && requested.get() > 0;
    }

    /**
     * Takes ownership of a routed response. Once cancelled or terminated the response is released
     * at once, which is how a cancelled exchange drains.
     *
     * @return {@code false} if the buffer was full; the response was released
     */
    final boolean offer(R response) {
        if (cancelled || terminated || error != null) {
            Releases.release(response);
            return true;
        }
        if (buffer.size() >= capacity) {
            Releases.release(response);
            return false;
        }
        buffer.add(response);
        return true;
    }

    /** Completes the subscriber once everything buffered has been delivered. */
    final void complete() {
        done = true;
        drain();
    }

    /** Fails the subscriber at once, releasing whatever is buffered. */
    final void fail(Throwable failure) {
        if (terminated || error != null) {
            return;
        }
        error = failure;
        discardBuffer();
        drain();
    }

    /** Delivers buffered responses up to the demand, then any terminal signal. Event loop only. */
    final void drain() {
        if (emitting) {
            missed = true;
            return;
        }
        emitting = true;
        try {
            do {
                missed = false;
                emitRound();
            } while (missed && !terminated);
        } finally {
            emitting = false;
        }
    }

    private void emitRound() {
        if (terminated || cancelled) {
            discardBuffer();
            return;
        }
        long demand = requested.get();
        long emitted = 0;
        while (emitted != demand && error == null && !cancelled) {
            R next = buffer.poll();
            if (next == null) {
                break;
            }
            actual.onNext(next);
            emitted++;
        }
        if (emitted != 0) {
            long delivered = emitted;
            requested.getAndUpdate(r -> r == Long.MAX_VALUE ? r : r - delivered);
        }
        Throwable failure = error;
        if (cancelled) {
            discardBuffer();
        } else if (failure != null) {
            terminated = true;
            discardBuffer();
            actual.onError(failure);
        } else if (done && buffer.isEmpty()) {
            terminated = true;
            actual.onComplete();
        }
    }

    private void requested() {
        drain();
        engine.work();
    }

    private void cancelled() {
        discardBuffer();
        onCancel();
        engine.work();
    }

    private void discardBuffer() {
        R next;
        while ((next = buffer.poll()) != null) {
            Releases.release(next);
        }
    }
}
