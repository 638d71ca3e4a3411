package io.deepmail.pop3.internal;

import io.deepmail.pop3.Pop3Capabilities;
import io.deepmail.pop3.Pop3ErrException;
import io.deepmail.pop3.internal.codec.Pop3Command;
import reactor.core.publisher.Mono;

/** {@code CAPA} (RFC 2449): a server that refuses it has no capabilities, not an error. */
final class CapaFlow {

    private CapaFlow() {
    }

    static Mono<Pop3Capabilities> read(Pop3Channel channel) {
        return channel.lines(Pop3Command.capa()).map(Listings::capabilities)
                .onErrorResume(Pop3ErrException.class, e -> Mono.just(Pop3Capabilities.none()));
    }
}
