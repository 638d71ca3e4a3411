package io.deepmail.cli;

import io.deepmail.core.latch.LatchState;
import io.deepmail.core.latch.LatchStore;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * A latch store whose operations run to the end even when their subscriber cancels. The race
 * cancels losing attempts, possibly while their latch gate is writing; the embedded store writes on
 * a {@code boundedElastic} worker that a cancel interrupts, and an interrupted MVStore file channel
 * closes the store for good. Shielding the write keeps the store usable; the result of a cancelled
 * operation is simply dropped.
 */
final class CancelShieldedLatchStore implements LatchStore {

    private final LatchStore delegate;

    CancelShieldedLatchStore(LatchStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public Mono<LatchState> load(String key) {
        return shielded(() -> delegate.load(key));
    }

    @Override
    public Mono<LatchState> merge(String key, LatchState proposal) {
        return shielded(() -> delegate.merge(key, proposal));
    }

    @Override
    public Mono<Boolean> compareAndSet(String key, long expectedRevision, LatchState proposal) {
        return shielded(() -> delegate.compareAndSet(key, expectedRevision, proposal));
    }

    @Override
    public void dispose() {
        delegate.dispose();
    }

    private static <T> Mono<T> shielded(Supplier<Mono<T>> operation) {
        return Mono.fromFuture(() -> operation.get().toFuture(), true);
    }
}
