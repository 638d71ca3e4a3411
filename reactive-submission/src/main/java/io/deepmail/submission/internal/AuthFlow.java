package io.deepmail.submission.internal;

import io.deepmail.core.ProtocolViolationException;
import io.deepmail.core.auth.Credentials;
import io.deepmail.core.auth.CredentialsProvider;
import io.deepmail.submission.MissingExtensionException;
import io.deepmail.submission.internal.codec.SmtpCommands;
import io.deepmail.submission.internal.codec.SmtpResponse;
import java.util.Base64;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * AUTH (RFC 4954), after the connector's level and latch checks: credentials are asked for only
 * now, and the mechanism is chosen from the EHLO list read inside TLS; a list advertised before TLS
 * was discarded with everything else (TLS-12). 334 challenges are answered until 235, or a 4xx/5xx
 * becomes an {@link io.deepmail.submission.SmtpReplyException} (535 for a wrong password).
 */
final class AuthFlow {

    private static final int MAX_STEPS = 8;

    private AuthFlow() {
    }

    static Mono<Void> run(SmtpWire wire, EhloCapabilities capabilities, CredentialsProvider provider) {
        if (!capabilities.has(EhloCapabilities.AUTH)) {
            return Mono.error(new MissingExtensionException(EhloCapabilities.AUTH,
                    "the server offers no AUTH inside TLS"));
        }
        return provider.credentials().flatMap(credentials -> {
            SaslMechanism mechanism = choose(credentials, capabilities);
            byte[] initial = mechanism.initialResponse();
            String ir = initial == null ? "" : initial.length == 0 ? "=" : Base64.getEncoder().encodeToString(initial);
            return wire.command(SmtpCommands.auth(mechanism.name(), ir)).flatMap(reply -> step(wire, mechanism, reply, 0));
        });
    }

    static SaslMechanism choose(Credentials credentials, EhloCapabilities capabilities) {
        List<SaslMechanism> usable = SaslMechanism.usable(credentials, capabilities.authMechanisms());
        if (usable.isEmpty()) {
            throw new MissingExtensionException(EhloCapabilities.AUTH, "no mechanism the credentials can use is "
                    + "offered inside TLS; offered: " + capabilities.authMechanisms());
        }
        return usable.get(0);
    }

    private static Mono<Void> step(SmtpWire wire, SaslMechanism mechanism, SmtpResponse reply, int steps) {
        if (reply.code() == 235) {
            return Mono.empty();
        }
        if (reply.code() != 334) {
            return Mono.error(Replies.failure("AUTH " + mechanism.name(), reply));
        }
        if (steps >= MAX_STEPS) {
            return wire.command(SmtpCommands.authCancel()).then(Mono.error(new ProtocolViolationException(
                    "AUTH " + mechanism.name() + " did not end after " + MAX_STEPS + " challenges")));
        }
        byte[] challenge;
        try {
            challenge = Base64.getDecoder().decode(reply.lines().get(0).strip());
        } catch (IllegalArgumentException e) {
            return wire.command(SmtpCommands.authCancel()).then(Mono.error(new ProtocolViolationException(
                    "AUTH " + mechanism.name() + " challenge is not base64", e)));
        }
        String answer = Base64.getEncoder().encodeToString(mechanism.evaluate(challenge));
        return wire.command(SmtpCommands.authResponse(answer))
                .flatMap(next -> step(wire, mechanism, next, steps + 1));
    }
}
