package io.deepmail.core.internal.connect;

import io.deepmail.core.Endpoint;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * One attempt of a race: an endpoint at one address, and the cold {@code Mono} that opens and
 * establishes it. Subscribing starts the attempt; cancelling must close whatever it opened.
 *
 * @param endpoint the endpoint
 * @param address the address tried, for reports
 * @param session opens the session
 * @param <T> the session type
 */
public record Attempt<T>(Endpoint endpoint, String address, Mono<T> session) {

    public Attempt {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(session, "session");
    }
}
