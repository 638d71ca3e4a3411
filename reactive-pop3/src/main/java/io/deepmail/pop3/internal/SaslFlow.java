package io.deepmail.pop3.internal;

import io.deepmail.core.ProtocolViolationException;
import io.deepmail.core.auth.Credentials;
import io.deepmail.core.sasl.SaslClient;
import io.deepmail.core.sasl.SaslCodec;
import io.deepmail.core.sasl.SaslMechanism;
import io.deepmail.pop3.internal.codec.Pop3Command;
import io.deepmail.pop3.response.Continuation;
import io.deepmail.pop3.response.Err;
import io.deepmail.pop3.response.Ok;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * {@code AUTH mechanism initial-response} (RFC 5034) driving a core {@link SaslClient}: each
 * {@code +} challenge is answered on the same exchange, at most {@link #MAX_CHALLENGES} of them; a
 * mechanism failure or too many challenges cancel with {@code *}. {@code +OK} is checked with
 * {@link SaslClient#verifySuccess} (SCRAM's server proof); {@code -ERR} is explained by the mechanism.
 */
final class SaslFlow {

    static final int MAX_CHALLENGES = 8;

    private SaslFlow() {
    }

    static Mono<Void> run(Pop3Channel channel, SaslMechanism mechanism, Credentials credentials) {
        return Mono.defer(() -> {
            SaslClient client = mechanism.newClient(credentials);
            Pop3Command auth = Pop3Command.auth(client.mechanismName(),
                    client.initialResponse().map(SaslCodec::encodeInitialResponse).orElse(null));
            Sinks.Many<Pop3Command> lines = Sinks.many().unicast().onBackpressureBuffer();
            lines.tryEmitNext(auth);
            int[] challenges = {0};
            return channel.exchange(auth.verb(), lines.asFlux()).<Void>handle((r, sink) -> {
                if (r instanceof Continuation c) {
                    if (++challenges[0] > MAX_CHALLENGES) {
                        lines.tryEmitNext(Pop3Command.saslResponse(SaslCodec.CANCEL));
                        sink.error(new ProtocolViolationException("the server sent more than " + MAX_CHALLENGES
                                + " SASL challenges"));
                        return;
                    }
                    try {
                        byte[] answer = client.evaluateChallenge(SaslCodec.decode(c.challenge()));
                        lines.tryEmitNext(Pop3Command.saslResponse(SaslCodec.encode(answer)));
                    } catch (RuntimeException e) {
                        lines.tryEmitNext(Pop3Command.saslResponse(SaslCodec.CANCEL));
                        sink.error(e);
                    }
                } else if (r instanceof Ok) {
                    client.verifySuccess(null);
                } else if (r instanceof Err err) {
                    sink.error(client.explainRefusal(Pop3Errors.refused(auth, err)));
                } else {
                    sink.error(new ProtocolViolationException("unexpected answer to AUTH: " + r));
                }
            }).doFinally(s -> lines.tryEmitComplete()).then();
        });
    }
}
