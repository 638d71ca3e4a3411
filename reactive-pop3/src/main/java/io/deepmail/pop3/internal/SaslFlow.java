package io.deepmail.pop3.internal;

import io.deepmail.core.MailClientException;
import io.deepmail.core.ProtocolViolationException;
import io.deepmail.core.auth.Credentials;
import io.deepmail.core.sasl.SaslClient;
import io.deepmail.core.sasl.SaslCodec;
import io.deepmail.core.sasl.SaslMechanism;
import io.deepmail.pop3.internal.codec.Pop3Command;
import io.deepmail.pop3.response.Continuation;
import io.deepmail.pop3.response.Err;
import io.deepmail.pop3.response.Ok;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * {@code AUTH mechanism [initial-response]} (RFC 5034) driving a core {@link SaslClient}: each
 * {@code +} challenge is answered on the same exchange, at most {@link #MAX_CHALLENGES} of them; a
 * mechanism failure, a challenge that is not canonical base64 or too many challenges cancel with
 * {@code *}. {@code +OK} is checked with {@link SaslClient#verifySuccess} (SCRAM's server proof);
 * {@code -ERR} is explained by the mechanism. An initial response that would make the command
 * longer than RFC 2449's 255 octets is not sent on the command line but as the answer to the
 * server's first, empty, challenge (RFC 5034 §4). An empty answer is an empty line; {@code =} only
 * stands for an empty initial response.
 */
final class SaslFlow {

    static final int MAX_CHALLENGES = 8;

    /** RFC 2449 §4: a command line is at most 255 octets, CRLF included. */
    static final int MAX_COMMAND_LINE = 255;

    private SaslFlow() {
    }

    static Mono<Void> run(Pop3Channel channel, SaslMechanism mechanism, Credentials credentials) {
        return Mono.defer(() -> {
            SaslClient client = mechanism.newClient(credentials);
            String name = client.mechanismName();
            Optional<byte[]> ir = client.initialResponse();
            String encoded = ir.map(SaslCodec::encodeInitialResponse).orElse(null);
            ir.ifPresent(bytes -> Arrays.fill(bytes, (byte) 0));
            String[] deferred = {null};
            if (encoded != null && ("AUTH " + name + " " + encoded + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII).length > MAX_COMMAND_LINE) {
                deferred[0] = "=".equals(encoded) ? "" : encoded;
                encoded = null;
            }
            Pop3Command auth = Pop3Command.auth(name, encoded);
            Sinks.Many<Pop3Command> lines = Sinks.many().unicast().onBackpressureBuffer();
            lines.tryEmitNext(auth);
            int[] challenges = {0};
            MailClientException[] failure = {null};
            return channel.exchange(auth.verb(), lines.asFlux()).<Void>handle((r, sink) -> {
                if (r instanceof Continuation c) {
                    if (failure[0] != null) {
                        return;
                    }
                    String answer;
                    if (++challenges[0] > MAX_CHALLENGES) {
                        failure[0] = new ProtocolViolationException("the server sent more than " + MAX_CHALLENGES
                                + " SASL challenges");
                        answer = SaslCodec.CANCEL;
                    } else if (deferred[0] != null) {
                        answer = first(c, deferred[0], failure);
                        deferred[0] = null;
                    } else {
                        answer = answer(client, c, failure);
                    }
                    lines.tryEmitNext(Pop3Command.saslResponse(answer));
                } else if (failure[0] != null) {
                    sink.error(failure[0]);
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

    /** The initial response held back from a too long command line, for the first, empty, challenge. */
    private static String first(Continuation challenge, String initial, MailClientException[] failure) {
        if (!challenge.challenge().isEmpty()) {
            failure[0] = new ProtocolViolationException("the server's first challenge to an AUTH without initial "
                    + "response was not empty");
            return SaslCodec.CANCEL;
        }
        return initial;
    }

    /** One challenge's answer, base64, or {@code *} after recording the client-side failure. */
    private static String answer(SaslClient client, Continuation challenge, MailClientException[] failure) {
        try {
            byte[] response = client.evaluateChallenge(SaslCodec.decode(challenge.challenge()));
            String line = SaslCodec.encode(response);
            Arrays.fill(response, (byte) 0);
            return line;
        } catch (MailClientException e) {
            failure[0] = e;
        } catch (RuntimeException e) {
            failure[0] = new ProtocolViolationException("the " + client.mechanismName()
                    + " exchange failed on the client side: " + e.getClass().getSimpleName());
        }
        return SaslCodec.CANCEL;
    }
}
