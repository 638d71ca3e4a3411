package io.deepmail.pop3.internal;

import io.deepmail.pop3.Pop3Capabilities;
import io.deepmail.pop3.Pop3ErrException;
import io.deepmail.pop3.internal.codec.Pop3Command;
import reactor.core.publisher.Mono;

/**
 * {@code CAPA} (RFC 2449): a plain {@code -ERR} is a server without CAPA, so without capabilities,
 * not an error. A {@code -ERR} carrying an RFC 3206 response code is the server reporting a state
 * ({@code SYS/TEMP}, {@code IN-USE}, ...), and fails the connect with that
 * {@link Pop3ErrException}.
 */
final class CapaFlow {

    private CapaFlow() {
    }

    static Mono<Pop3Capabilities> read(Pop3Channel channel) {
        return channel.lines(Pop3Command.capa()).map(Listings::capabilities)
                .onErrorResume(e -> e instanceof Pop3ErrException err && err.code().isEmpty(),
                        e -> Mono.just(Pop3Capabilities.none()));
    }
}
