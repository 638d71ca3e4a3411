package io.deepmail.submission.internal;

import io.deepmail.core.Account;
import io.deepmail.core.CommandFailedException;
import io.deepmail.core.metrics.MailPhase;
import io.deepmail.core.sasl.ChannelProtection;
import io.deepmail.core.sasl.SaslConversation;
import io.deepmail.core.sasl.SaslMechanisms;
import io.deepmail.core.security.SessionSecurity;
import io.deepmail.submission.MissingExtensionException;
import io.deepmail.submission.internal.codec.SmtpCommands;
import io.deepmail.submission.internal.codec.SmtpResponse;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * AUTH (RFC 4954) through the core SASL package, after the connector's level and latch checks:
 * credentials are asked for only now, and the mechanism is chosen from the EHLO list read inside
 * TLS; a list advertised before TLS was discarded with everything else (TLS-12). 334 challenges
 * are answered until 235; a refusal becomes an {@link io.deepmail.submission.SmtpReplyException}
 * (535 for a wrong password), or the mechanism's own explanation of it. The exchange, from AUTH to
 * the final reply, is the {@link MailPhase#AUTHENTICATION} phase, the mechanism its detail.
 */
final class AuthFlow {

    private static final int MAX_STEPS = 8;

    private AuthFlow() {
    }

    static Mono<Void> run(SmtpWire wire, EhloCapabilities capabilities, Account account, SessionSecurity security) {
        if (!capabilities.has(EhloCapabilities.AUTH)) {
            return Mono.error(new MissingExtensionException(EhloCapabilities.AUTH,
                    "the server offers no AUTH inside TLS"));
        }
        return account.credentials().credentials().flatMap(credentials -> {
            SaslConversation conversation = SaslConversation.of(SaslMechanisms.select(
                    List.copyOf(capabilities.authMechanisms()), credentials, List.of(),
                    ChannelProtection.of(security, account)).newClient(credentials), MAX_STEPS);
            return Mono.usingWhen(
                    Mono.fromSupplier(() -> wire.metrics().startPhase(MailPhase.AUTHENTICATION,
                            wire.connection().endpoint(), conversation.mechanismName())),
                    phase -> {
                        String initial = conversation.initialResponse().orElse("");
                        return wire.command(SmtpCommands.auth(conversation.mechanismName(), initial))
                                .flatMap(reply -> step(wire, conversation, reply));
                    },
                    phase -> Mono.fromRunnable(phase::succeeded),
                    (phase, e) -> Mono.fromRunnable(() -> phase.failed(e)),
                    phase -> Mono.fromRunnable(phase::cancelled));
        });
    }

    private static Mono<Void> step(SmtpWire wire, SaslConversation conversation, SmtpResponse reply) {
        if (reply.code() == 235) {
            return Mono.fromRunnable(() -> conversation.accepted(null));
        }
        if (reply.code() != 334) {
            RuntimeException failure = Replies.failure("AUTH " + conversation.mechanismName(), reply);
            return Mono.error(failure instanceof CommandFailedException c ? conversation.refused(c) : failure);
        }
        String answer = conversation.respond(reply.lines().get(0).strip());
        if (conversation.failure().isPresent()) {
            return wire.command(SmtpCommands.authCancel()).then(Mono.error(conversation.failure().get()));
        }
        return wire.command(SmtpCommands.authResponse(answer)).flatMap(next -> step(wire, conversation, next));
    }
}
