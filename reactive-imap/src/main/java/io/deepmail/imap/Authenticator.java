package io.deepmail.imap;

import io.deepmail.core.Account;
import io.deepmail.core.auth.Credentials;
import io.deepmail.core.metrics.MailPhase;
import io.deepmail.core.metrics.PhaseHandle;
import io.deepmail.core.sasl.AuthenticationUnavailableException;
import io.deepmail.core.sasl.ChannelProtection;
import io.deepmail.core.sasl.SaslClient;
import io.deepmail.core.sasl.SaslConversation;
import io.deepmail.core.sasl.SaslMechanism;
import io.deepmail.core.sasl.SaslMechanisms;
import io.deepmail.imap.command.Authenticate;
import io.deepmail.imap.command.Login;
import io.deepmail.imap.internal.ImapChannel;
import io.deepmail.imap.response.Tagged;
import java.util.List;
import java.util.Locale;
import reactor.core.publisher.Mono;

/**
 * Runs one authentication on the shared SASL layer ({@code io.deepmail.core.sasl}): the mechanism
 * is chosen by {@link SaslMechanisms#select} from the server's {@code AUTH=} capabilities, and its
 * bytes travel in AUTHENTICATE (RFC 9051 §6.2.2), with the initial response on the command line
 * when SASL-IR (RFC 4959) is offered. A client-side failure while answering a challenge (bad
 * base64, a malformed or unproven SCRAM message) is answered with {@code "*"} and raised once the
 * server has ended the command. On the tagged OK the mechanism verifies success, so SCRAM's server
 * signature is checked; on NO the mechanism explains the refusal.
 *
 * <p>The LOGIN command is a last resort for password credentials on servers without a usable
 * {@code AUTH=} mechanism, under the same rules as a mechanism that reveals the password (TLS or
 * consented cleartext, and PLAIN or LOGIN allowed by the client preference), and never while
 * LOGINDISABLED is advertised (TLS-14). Otherwise the selection's
 * {@link AuthenticationUnavailableException} is raised, with nothing sent.
 */
final class Authenticator {

    private Authenticator() {
    }

    /**
     * Authenticates.
     *
     * @return the tagged OK
     */
    static Mono<Tagged> run(ImapChannel channel, Account account, Credentials credentials, List<String> preference) {
        List<String> advertised = channel.capabilities().stream().filter(c -> c.startsWith("AUTH="))
                .map(c -> c.substring("AUTH=".length())).sorted().toList();
        ChannelProtection protection = ChannelProtection.of(channel.connection().security().orElseThrow(), account);
        SaslMechanism mechanism;
        try {
            mechanism = SaslMechanisms.select(advertised, credentials, preference, protection);
        } catch (AuthenticationUnavailableException e) {
            return login(channel, credentials, protection, preference, e);
        }
        return phase(channel, mechanism.name(), Mono.defer(() -> sasl(channel, mechanism.newClient(credentials))));
    }

    /**
     * Runs an exchange that sends credentials inside a {@link MailPhase#AUTHENTICATION} phase named
     * by the mechanism ({@code LOGIN} for the LOGIN command). Nothing is observed when no
     * mechanism fits, since nothing is sent.
     */
    private static Mono<Tagged> phase(ImapChannel channel, String mechanism, Mono<Tagged> exchange) {
        return Mono.defer(() -> {
            PhaseHandle phase = channel.metrics().startPhase(MailPhase.AUTHENTICATION,
                    channel.connection().endpoint(), mechanism);
            return exchange.doOnSuccess(t -> phase.succeeded())
                    .doOnError(phase::failed)
                    .doOnCancel(phase::cancelled);
        });
    }

    private static Mono<Tagged> login(ImapChannel channel, Credentials credentials, ChannelProtection protection,
            List<String> preference, AuthenticationUnavailableException unavailable) {
        boolean revealingAllowed = preference.isEmpty() || preference.stream()
                .map(n -> n.strip().toUpperCase(Locale.ROOT)).anyMatch(n -> n.equals("PLAIN") || n.equals("LOGIN"));
        if (!(credentials instanceof Credentials.Password p) || !protection.allowsRevealedSecrets()
                || !revealingAllowed
                || channel.capabilities().contains("LOGINDISABLED")) {
            return Mono.error(unavailable);
        }
        return phase(channel, "LOGIN", DefaultImapSession.completed(channel.execute(new Login(p.username(),
                p.password())), "LOGIN").ofType(Tagged.class).last());
    }

    private static Mono<Tagged> sasl(ImapChannel channel, SaslClient client) {
        SaslConversation conversation = SaslConversation.of(client);
        String name = conversation.mechanismName();
        String initial = channel.capabilities().contains("SASL-IR")
                ? conversation.initialResponse().orElse(null) : null;
        return channel.authenticate(new Authenticate(name, initial), conversation::respond)
                .ofType(Tagged.class).last()
                .flatMap(tagged -> {
                    if (conversation.failure().isPresent()) {
                        return Mono.error(conversation.failure().get());
                    }
                    if (!tagged.isOk()) {
                        ImapStatusException refusal = ExceptionFactory.failed("AUTHENTICATE " + name, tagged.status());
                        return Mono.error(conversation.refused(refusal));
                    }
                    conversation.accepted(null);
                    return Mono.just(tagged);
                });
    }
}
