package io.deepmail.submission.internal;

import java.util.concurrent.atomic.AtomicReference;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Runs operations one after the other, in subscription order: a session's sends are several
 * exchanges each and must not interleave. An operation cancelled while waiting still lets the next
 * one wait for its predecessor.
 */
final class SerialGate {

    private final AtomicReference<Mono<Void>> tail = new AtomicReference<>(Mono.empty());

    <T> Mono<T> run(Mono<T> operation) {
        return Mono.defer(() -> {
            Sinks.Empty<Void> done = Sinks.empty();
            Mono<Void> previous = tail.getAndSet(done.asMono());
            return previous.then(operation)
                    .doFinally(signal -> previous.subscribe(null, e -> done.tryEmitEmpty(), done::tryEmitEmpty));
        });
    }
}
