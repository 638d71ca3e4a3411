package io.deepmail.pop3.internal;

import io.deepmail.pop3.Pop3Capabilities;
import io.deepmail.pop3.Pop3ErrException;
import io.deepmail.pop3.internal.codec.Pop3Command;
import reactor.core.publisher.Mono;

/**
 * {@code CAPA} (RFC 2449): a plain {@code -ERR} is a server without CAPA, so without capabilities,
 * not an error. A {@code -ERR} carrying an RFC 3206 response code is the server reporting a state
 * ({@code SYS/TEMP}, {@code IN-USE}, ...), and fails the connect with that
 * {@link Pop3ErrException}. The answer is bounded (see {@link #MAX_OCTETS}).
 */
final class CapaFlow {

    /**
     * Most octets of a {@code CAPA} answer: {@link Listings#MAX_CAPABILITIES} lines of RFC 2449's
     * 512 octets. A longer answer fails once it passes this, with no more held.
     */
    static final long MAX_OCTETS = Listings.MAX_CAPABILITIES * 512L;

    private CapaFlow() {
    }

    static Mono<Pop3Capabilities> read(Pop3Channel channel) {
        return channel.lines(Pop3Command.capa(), MAX_OCTETS).map(Listings::capabilities)
                .onErrorResume(e -> e instanceof Pop3ErrException err && err.code().isEmpty(),
                        e -> Mono.just(Pop3Capabilities.none()));
    }
}
