package io.deepmail.core.internal.transport;

import io.deepmail.core.MailClientException;
import io.deepmail.core.ResponseQueueFullException;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * The barrier an exclusive exchange raises when its last response arrives (TLS-10): its stream
 * change runs inside the read that delivered that response, and while the change is pending the
 * engine writes nothing and treats any inbound message as a protocol violation. Event loop only.
 */
final class ExclusiveBarrier<C, R> {

    private final ExchangeHandler<C, R> engine;
    private @Nullable Conversation<C, R> holder;
    private @Nullable Disposable change;

    ExclusiveBarrier(ExchangeHandler<C, R> engine) {
        this.engine = engine;
    }

    boolean isHeld() {
        return holder != null;
    }

    /**
     * Calls the exchange's stream change with its last response, lets the subscriber see that
     * response, then subscribes to the change; the barrier holds until the change completes.
     */
    void hold(Conversation<C, R> conversation, R last) {
        holder = conversation;
        Mono<Void> pending;
        try {
            pending = conversation.afterLast(last);
        } catch (RuntimeException e) {
            Releases.release(last);
            failed(conversation, e);
            return;
        }
        if (!conversation.offer(last)) {
            engine.fail(new ResponseQueueFullException(engine.options().maxBufferedResponses()));
            return;
        }
        // The subscriber may see the reply before the change starts: the barrier already holds
        // every write, and no other inbound message can be handled before this read returns.
        conversation.drain();
        if (holder != conversation) {
            return;
        }
        Disposable subscription = pending.subscribe(v -> { },
                e -> engine.onLoop(() -> failed(conversation, e)),
                () -> engine.onLoop(() -> released(conversation)));
        if (holder == conversation) {
            change = subscription;
        }
    }

    /** Drops the barrier because the engine failed: the change is cancelled, the exchange fails. */
    void abort(MailClientException failure) {
        Conversation<C, R> conversation = holder;
        Disposable pending = change;
        holder = null;
        change = null;
        if (pending != null) {
            pending.dispose();
        }
        if (conversation != null) {
            conversation.abort(failure);
        }
    }

    private void released(Conversation<C, R> conversation) {
        if (holder != conversation) {
            return;
        }
        holder = null;
        change = null;
        conversation.complete();
        engine.work();
    }

    private void failed(Conversation<C, R> conversation, Throwable error) {
        if (holder != conversation) {
            return;
        }
        holder = null;
        change = null;
        conversation.abort(error);
        engine.fail(error);
    }
}
