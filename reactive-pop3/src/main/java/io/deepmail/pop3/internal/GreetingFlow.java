package io.deepmail.pop3.internal;

import io.deepmail.core.ProtocolViolationException;
import io.deepmail.pop3.response.Err;
import io.deepmail.pop3.response.Ok;
import reactor.core.publisher.Mono;

/**
 * Reads the greeting: {@code +OK} puts the session in the AUTHORIZATION state (TLS-17, RFC 1939
 * §4); {@code -ERR}, with its RFC 3206 code, is a {@link io.deepmail.pop3.Pop3ErrException}.
 */
final class GreetingFlow {

    private GreetingFlow() {
    }

    static Mono<Ok> read(Pop3Channel channel) {
        return channel.greeting().last().flatMap(r -> {
            if (r instanceof Ok ok) {
                return Mono.just(ok);
            }
            if (r instanceof Err err) {
                return Mono.error(Pop3Errors.greeting(err));
            }
            return Mono.error(new ProtocolViolationException("the server did not greet with +OK: " + r));
        });
    }
}
