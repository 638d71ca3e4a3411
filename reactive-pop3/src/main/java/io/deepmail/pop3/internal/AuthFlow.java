package io.deepmail.pop3.internal;

import io.deepmail.core.Account;
import io.deepmail.core.TlsRequiredException;
import io.deepmail.core.auth.Credentials;
import io.deepmail.core.metrics.MailPhase;
import io.deepmail.core.metrics.PhaseHandle;
import io.deepmail.core.security.ConfidentialityLevel;
import io.deepmail.core.security.SessionSecurity;
import io.deepmail.pop3.Pop3AuthMethod;
import io.deepmail.pop3.Pop3Capabilities;
import io.deepmail.pop3.internal.codec.Pop3Command;
import io.deepmail.core.sasl.AuthenticationUnavailableException;
import io.deepmail.core.sasl.ChannelProtection;
import io.deepmail.core.sasl.SaslMechanism;
import io.deepmail.core.sasl.SaslMechanisms;
import io.deepmail.pop3.response.Ok;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Authentication in the AUTHORIZATION state. The connector has already checked TLS, identity,
 * level and latches (L6); this flow adds the cleartext rule: on a level-0 session nothing that
 * carries a password is sent unless the account consented to cleartext, and APOP is only ever
 * used there, when asked for by name. The credentials provider is subscribed to only after these
 * checks pass.
 */
final class AuthFlow {

    private AuthFlow() {
    }

    static Mono<Void> run(Pop3Channel channel, Account account, SessionSecurity security, Ok greeting,
            Pop3Capabilities caps, Pop3AuthMethod method) {
        boolean cleartext = security.level() == ConfidentialityLevel.NONE;
        if (method == Pop3AuthMethod.APOP) {
            if (!cleartext) {
                return Mono.error(new IllegalArgumentException("APOP is only for cleartext level-0 sessions; "
                        + "over TLS use USER/PASS or SASL"));
            }
            if (greeting.apopTimestamp().isEmpty()) {
                return Mono.error(new IllegalStateException("the greeting carries no APOP timestamp"));
            }
        }
        if (cleartext && !account.cleartextConsent()) {
            return Mono.error(new TlsRequiredException("refusing to send credentials for " + account
                    + " over a cleartext session without the account's cleartext consent"));
        }
        ChannelProtection protection = ChannelProtection.of(security, account);
        return account.credentials().credentials()
                .flatMap(c -> authenticate(channel, protection, greeting, caps, method, c));
    }

    private static Mono<Void> authenticate(Pop3Channel channel, ChannelProtection protection, Ok greeting,
            Pop3Capabilities caps,
            Pop3AuthMethod method, Credentials credentials) {
        return switch (method) {
            case USER_PASS -> userPass(channel, credentials);
            case SASL_PLAIN -> sasl(channel, SaslMechanisms.PLAIN, credentials);
            case SASL_SCRAM_SHA_256 -> sasl(channel, SaslMechanisms.SCRAM_SHA_256, credentials);
            case SASL_XOAUTH2 -> sasl(channel, SaslMechanisms.XOAUTH2, credentials);
            case SASL_OAUTHBEARER -> sasl(channel, SaslMechanisms.OAUTHBEARER, credentials);
            case APOP -> apop(channel, greeting, credentials);
            case AUTO -> auto(channel, protection, caps, credentials);
        };
    }

    private static Mono<Void> sasl(Pop3Channel channel, SaslMechanism mechanism, Credentials credentials) {
        if (!mechanism.supports(credentials)) {
            return Mono.error(new IllegalArgumentException("SASL " + mechanism.name() + " cannot use "
                    + credentials.getClass().getSimpleName()));
        }
        return phase(channel, mechanism.name(), SaslFlow.run(channel, mechanism, credentials));
    }

    /**
     * The strongest advertised SASL mechanism the core allows for the credentials and protection
     * (SCRAM-SHA-256 first); without one, USER/PASS for a password.
     */
    private static Mono<Void> auto(Pop3Channel channel, ChannelProtection protection, Pop3Capabilities caps,
            Credentials credentials) {
        SaslMechanism mechanism;
        try {
            mechanism = SaslMechanisms.select(caps.saslMechanisms(), credentials, List.of(), protection);
        } catch (AuthenticationUnavailableException e) {
            if (credentials instanceof Credentials.Password && protection.allowsRevealedSecrets()) {
                return userPass(channel, credentials);
            }
            return Mono.error(e);
        }
        return phase(channel, mechanism.name(), SaslFlow.run(channel, mechanism, credentials));
    }

    /**
     * Runs an exchange that sends credentials inside a {@link MailPhase#AUTHENTICATION} phase named
     * by the mechanism: the SASL name, {@code USER} for USER/PASS or {@code APOP}.
     */
    private static Mono<Void> phase(Pop3Channel channel, String mechanism, Mono<Void> exchange) {
        return Mono.defer(() -> {
            PhaseHandle phase = channel.metrics().startPhase(MailPhase.AUTHENTICATION,
                    channel.connection().endpoint(), mechanism);
            return exchange.doOnSuccess(v -> phase.succeeded())
                    .doOnError(phase::failed)
                    .doOnCancel(phase::cancelled);
        });
    }

    private static Mono<Void> userPass(Pop3Channel channel, Credentials credentials) {
        if (!(credentials instanceof Credentials.Password p)) {
            return Mono.error(new IllegalArgumentException("USER/PASS needs a password"));
        }
        return phase(channel, "USER", channel.single(Pop3Command.user(p.username()))
                .then(channel.single(Pop3Command.pass(p.password()))).then());
    }

    private static Mono<Void> apop(Pop3Channel channel, Ok greeting, Credentials credentials) {
        if (!(credentials instanceof Credentials.Password p)) {
            return Mono.error(new IllegalArgumentException("APOP needs a password"));
        }
        String timestamp = greeting.apopTimestamp().orElseThrow();
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest((timestamp + p.password())
                    .getBytes(StandardCharsets.UTF_8));
            return phase(channel, "APOP", channel.single(Pop3Command.apop(p.username(),
                    HexFormat.of().formatHex(digest))).then());
        } catch (NoSuchAlgorithmException e) {
            return Mono.error(new IllegalStateException("MD5 is not available", e));
        }
    }
}
