package io.deepmail.core.internal.transport;

import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One exchange: its commands, the predicate that recognises its last response, and, for an
 * exclusive exchange, the stream change to make after it. Its lifecycle, driven by the engine on
 * the event loop, is queued, then writing, then awaiting (commands written), then received (the
 * last response routed).
 *
 * @param <C> the command type
 * @param <R> the response type
 */
final class Conversation<C, R> extends Receiver<R> {

    private final @Nullable Object routingKey;
    private final Predicate<? super R> isLast;
    private final @Nullable Function<? super R, ? extends Mono<Void>> afterLast;
    private @Nullable Publisher<? extends C> commands;
    private @Nullable C unsent;
    private @Nullable CommandWriter<C, R> writer;
    private int written;
    private boolean commandsDone;

    Conversation(ExchangeHandler<C, R> engine, CoreSubscriber<? super R> actual, ExchangeSpec<C, R> spec) {
        super(engine, actual, engine.options().maxBufferedResponses());
        this.routingKey = spec.routingKey();
        this.isLast = spec.isLast();
        this.afterLast = spec.afterLast();
        this.commands = spec.commands();
        this.unsent = spec.command();
    }

    @Nullable Object routingKey() {
        return routingKey;
    }

    boolean isExclusive() {
        return afterLast != null;
    }

    boolean isLast(R response) {
        return isLast.test(response);
    }

    /** Whether every command has been written, so the exchange now only awaits responses. */
    boolean commandsDone() {
        return commandsDone;
    }

    /** Whether any command of this exchange has reached the channel. */
    boolean hasWritten() {
        return written > 0;
    }

    /** Calls the exclusive exchange's stream change with its last response; never returns null. */
    Mono<Void> afterLast(R last) {
        Function<? super R, ? extends Mono<Void>> change = afterLast;
        if (change == null) {
            return Mono.empty();
        }
        Mono<Void> gate = change.apply(last);
        if (gate == null) {
            throw new NullPointerException("afterLast returned null");
        }
        return gate.contextWrite(actual.currentContext());
    }

    /** Starts writing: subscribes to the commands, which may complete before this returns. */
    void startWriting(ExchangeHandler<C, R> handler) {
        C single = unsent;
        Publisher<? extends C> source = single != null ? Mono.just(single) : commands;
        unsent = null;
        commands = null;
        CommandWriter<C, R> w = new CommandWriter<>(handler, this);
        writer = w;
        if (source == null) {
            w.onComplete();
            return;
        }
        try {
            Flux.from(source).subscribe(w);
        } catch (RuntimeException e) {
            w.onError(e);
        }
    }

    void commandWritten() {
        written++;
    }

    void markCommandsDone() {
        commandsDone = true;
        writer = null;
    }

    /** Resumes a writer that paused while the channel was not writable. */
    void resumeWriting() {
        CommandWriter<C, R> w = writer;
        if (w != null) {
            w.resume();
        }
    }

    /** Stops the command publisher because the server has already ended the exchange. */
    void stopWriting() {
        CommandWriter<C, R> w = writer;
        writer = null;
        commandsDone = true;
        if (w != null) {
            w.cancel();
        }
    }

    /** Fails the exchange, stops its command publisher and releases a command never written. */
    void abort(Throwable failure) {
        CommandWriter<C, R> w = writer;
        writer = null;
        if (w != null) {
            w.cancel();
        }
        releaseUnsent();
        fail(failure);
    }

    /** Drops an exchange that never started writing. */
    void releaseUnsent() {
        C single = unsent;
        unsent = null;
        commands = null;
        Releases.release(single);
    }

    @Override
    void onCancel() {
        engine.conversationCancelled(this);
    }
}
