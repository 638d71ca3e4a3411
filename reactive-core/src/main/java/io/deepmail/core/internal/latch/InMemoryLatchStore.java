package io.deepmail.core.internal.latch;

import io.deepmail.core.latch.LatchState;
import io.deepmail.core.latch.LatchStore;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import reactor.core.publisher.Mono;

/** A latch store in a concurrent map: atomic per key, gone with the process. */
public final class InMemoryLatchStore implements LatchStore {

    private final ConcurrentMap<String, LatchState> states = new ConcurrentHashMap<>();

    @Override
    public Mono<LatchState> load(String key) {
        Objects.requireNonNull(key, "key");
        return Mono.fromSupplier(() -> states.getOrDefault(key, LatchState.EMPTY));
    }

    @Override
    public Mono<LatchState> merge(String key, LatchState proposal) {
        Objects.requireNonNull(proposal, "proposal");
        return Mono.fromSupplier(() -> states.compute(key,
                (k, current) -> StoredStates.write(current == null ? LatchState.EMPTY : current, proposal)));
    }

    @Override
    public Mono<Boolean> compareAndSet(String key, long expectedRevision, LatchState proposal) {
        Objects.requireNonNull(proposal, "proposal");
        return Mono.fromSupplier(() -> {
            boolean[] written = {false};
            states.compute(key, (k, current) -> {
                LatchState c = current == null ? LatchState.EMPTY : current;
                if (c.revision() != expectedRevision) {
                    return current;
                }
                written[0] = true;
                return StoredStates.write(c, proposal);
            });
            return written[0];
        });
    }

    @Override
    public String toString() {
        return "InMemoryLatchStore[" + states.size() + " accounts]";
    }
}
