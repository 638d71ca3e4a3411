package io.deepmail.pop3.internal;

import io.deepmail.core.ProtocolViolationException;
import io.deepmail.core.auth.Credentials;
import io.deepmail.pop3.internal.codec.Pop3Command;
import io.deepmail.pop3.internal.sasl.SaslClient;
import io.deepmail.pop3.internal.sasl.SaslClients;
import io.deepmail.pop3.response.Continuation;
import io.deepmail.pop3.response.Err;
import io.deepmail.pop3.response.Ok;
import java.util.Base64;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * {@code AUTH mechanism initial-response} (RFC 5034): challenges are answered on the same
 * exchange, at most {@link #MAX_CHALLENGES} of them; then the client cancels with {@code *}.
 */
final class SaslFlow {

    static final int MAX_CHALLENGES = 8;

    private SaslFlow() {
    }

    static Mono<Void> run(Pop3Channel channel, String mechanism, Credentials credentials) {
        SaslClient client = SaslClients.create(mechanism, credentials).orElse(null);
        if (client == null) {
            return Mono.error(new IllegalArgumentException("SASL " + mechanism + " is not supported for "
                    + credentials.getClass().getSimpleName()));
        }
        return Mono.defer(() -> {
            Base64.Encoder b64 = Base64.getEncoder();
            Pop3Command auth = Pop3Command.auth(client.mechanism(), encode(b64, client.initialResponse()));
            Sinks.Many<Pop3Command> lines = Sinks.many().unicast().onBackpressureBuffer();
            lines.tryEmitNext(auth);
            int[] challenges = {0};
            return channel.exchange(lines.asFlux()).<Void>handle((r, sink) -> {
                if (r instanceof Continuation c) {
                    byte[] answer = ++challenges[0] > MAX_CHALLENGES ? null : client.evaluate(decode(c.challenge()));
                    lines.tryEmitNext(Pop3Command.saslResponse(answer == null ? "*" : encode(b64, answer)));
                } else if (r instanceof Err err) {
                    sink.error(Pop3Errors.refused(auth, err));
                } else if (!(r instanceof Ok)) {
                    sink.error(new ProtocolViolationException("unexpected answer to AUTH: " + r));
                }
            }).doFinally(s -> lines.tryEmitComplete()).then();
        });
    }

    private static String encode(Base64.Encoder b64, byte[] raw) {
        return raw.length == 0 ? "=" : b64.encodeToString(raw);
    }

    private static byte[] decode(String challenge) {
        try {
            return Base64.getDecoder().decode(challenge);
        } catch (IllegalArgumentException e) {
            throw new ProtocolViolationException("the server sent a SASL challenge that is not base64", e);
        }
    }
}
