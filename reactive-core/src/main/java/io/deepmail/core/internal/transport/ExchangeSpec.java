package io.deepmail.core.internal.transport;

import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * What one subscription to an exchange runs: either a publisher of commands or a single command,
 * the predicate for the last response, and, for an exclusive exchange, the stream change.
 */
record ExchangeSpec<C, R>(@Nullable Object routingKey, @Nullable Publisher<? extends C> commands,
        @Nullable C command, Predicate<? super R> isLast,
        @Nullable Function<? super R, ? extends Mono<Void>> afterLast) {
}
