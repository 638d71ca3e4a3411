package io.deepmail.core.latch;

import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * Where latch state lives (REQUIREMENTS L15): one {@link LatchState} per account key, versioned by
 * its {@link LatchState#revision() revision}.
 *
 * <p>Every write is a join: the store replaces what it holds, {@code S}, with
 * {@code S.join(proposal)} atomically, and increments the revision when that changed anything. So
 * a writer can never lower or drop what another raised, whatever order writes arrive in; only a
 * proposal of a higher generation (an explicit reset, L10) replaces the content. A write is
 * acknowledged only once it is durable in the store's own sense.
 *
 * <p>Failures are {@link io.deepmail.core.LatchStoreException}s. Callers fail closed on them: an
 * account whose latches cannot be read is never treated as having none. Implementations must not
 * block the calling thread.
 *
 * @since 0.1
 */
public interface LatchStore extends Disposable {

    /**
     * Reads an account's state.
     *
     * @param key the account's latch key
     * @return the state; {@link LatchState#EMPTY} for an unknown key
     */
    Mono<LatchState> load(String key);

    /**
     * Joins a proposal into the stored state, atomically.
     *
     * @param key the account's latch key
     * @param proposal the state to join in; its revision is ignored
     * @return the stored state after the write
     */
    Mono<LatchState> merge(String key, LatchState proposal);

    /**
     * Joins a proposal into the stored state if the stored revision is still {@code expectedRevision}.
     * The write is still a join, so even a successful compare-and-set never lowers anything.
     *
     * @param key the account's latch key
     * @param expectedRevision the revision the caller read
     * @param proposal the state to join in
     * @return {@code true} when written, {@code false} when the revision had moved on
     */
    Mono<Boolean> compareAndSet(String key, long expectedRevision, LatchState proposal);

    /** Releases the store's resources. The default does nothing. */
    @Override
    default void dispose() {
    }
}
