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
 * <p>One event-loop task writes at most about {@link #TURN_BYTES} (by the channel's message size
 * estimate, so a message body chunk counts its bytes and a small command a few): the writer sizes
 * each request from the largest command seen so far, and once a turn's share is spent it flushes
 * and asks for more in a later round of the event loop, so other channels' I/O and timers run
 * between the pieces of a large message (issue 12, B3: a 5 MB message never blocks the loop for
 * long). A writer paused on writability also continues in a later round.
 *
 * @param <C> the command type
 * @param <R> the response type
 */
final class CommandWriter<C, R> implements CoreSubscriber<C> {

    /** The most commands requested at once. */
    static final int BATCH = 32;
    /** The bytes one event-loop task writes before the rest waits for a new task. */
    static final int TURN_BYTES = 256 * 1024;

    private final ExchangeHandler<C, R> engine;
    private final Conversation<C, R> conversation;
    private final Context context;
    private final AtomicReference<@Nullable Subscription> upstream = new AtomicReference<>();

    private int outstanding;
    private boolean inRequest;
    private boolean unflushed;
    private boolean awaitingWritability;
    private boolean done;
    /** Estimated bytes written in the current event-loop task. */
    private long turnBytes;
    /** The largest estimated command size seen; it sizes the next request. */
    private int largest;

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

    /** Requests the next batch, in a new task, if writing paused while the channel was not writable. */
    void resume() {
        if (awaitingWritability) {
            awaitingWritability = false;
            nextTurn();
        }
    }

    /**
     * Continues with a fresh share of bytes in a later round of the event loop, so its I/O and due
     * timers run in between: a task queued with {@code execute} would run in the same round.
     */
    private void nextTurn() {
        if (!engine.nextRound(() -> {
            turnBytes = 0;
            requestMore();
        })) {
            cancel();
        }
    }

    private void write(C command) {
        if (done || !engine.acceptsWrites()) {
            Releases.release(command);
            return;
        }
        outstanding--;
        int size = engine.sizeOf(command);
        turnBytes += size;
        largest = Math.max(largest, Math.max(size, 1));
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
        if (turnBytes >= TURN_BYTES) {
            // The flush at the end of the outermost request (or after the write) sends this turn's share.
            nextTurn();
            return;
        }
        if (!engine.isWritable()) {
            awaitingWritability = true;
            return;
        }
        int n = demand();
        outstanding = n;
        boolean outermost = !inRequest;
        inRequest = true;
        try {
            s.request(n);
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

    /**
     * How many commands fit in what is left of this turn at the largest size seen so far: one
     * while no size is known yet, never more than {@link #BATCH}.
     */
    private int demand() {
        if (largest == 0) {
            return 1;
        }
        return (int) Math.max(1, Math.min(BATCH, (TURN_BYTES - turnBytes) / largest));
    }
}
