package io.deepmail.core.sasl;

import io.deepmail.core.auth.Credentials;
import io.deepmail.core.internal.sasl.Mechanisms;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The built-in mechanisms, and the choice of one for a session.
 *
 * @since 0.1
 */
public final class SaslMechanisms {

    /** SCRAM-SHA-256 (RFC 7677), without channel binding; for passwords. Mutually authenticating. */
    public static final SaslMechanism SCRAM_SHA_256 = Mechanisms.scramSha256();

    /** PLAIN (RFC 4616) with an empty authorization identity; for passwords. Reveals the password. */
    public static final SaslMechanism PLAIN = Mechanisms.plain();

    /** LOGIN (draft-murchison-sasl-login); for passwords. Reveals the password. */
    public static final SaslMechanism LOGIN = Mechanisms.login();

    /** OAUTHBEARER (RFC 7628) without host and port; for OAuth 2.0 tokens. Reveals the token. */
    public static final SaslMechanism OAUTHBEARER = Mechanisms.oauthBearer();

    /** XOAUTH2 (Google and Microsoft); for OAuth 2.0 tokens. Reveals the token. */
    public static final SaslMechanism XOAUTH2 = Mechanisms.xoauth2();

    /**
     * EXTERNAL (RFC 4422 Appendix A) with an empty authorization identity: the TLS client
     * certificate is the credential, and the {@link Credentials} are ignored. Never chosen unless
     * named in the client preference.
     */
    public static final SaslMechanism EXTERNAL = Mechanisms.external();

    /**
     * The default client preference, strongest first: SCRAM-SHA-256, PLAIN, LOGIN for passwords;
     * OAUTHBEARER, XOAUTH2 for tokens. EXTERNAL is left out, because it needs a client certificate.
     */
    public static final List<String> DEFAULT_PREFERENCE = List.of("SCRAM-SHA-256", "PLAIN", "LOGIN", "OAUTHBEARER",
            "XOAUTH2");

    private static final Map<String, SaslMechanism> BY_NAME = Stream.of(SCRAM_SHA_256, PLAIN, LOGIN, OAUTHBEARER,
            XOAUTH2, EXTERNAL).collect(Collectors.toUnmodifiableMap(SaslMechanism::name, Function.identity()));

    private SaslMechanisms() {
    }

    /**
     * A built-in mechanism by name.
     *
     * @param name the name, in any case
     * @return the mechanism, or empty when there is no built-in one of that name
     */
    public static Optional<SaslMechanism> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name.trim().toUpperCase(Locale.ROOT)));
    }

    /**
     * Chooses the mechanism to authenticate with: the first in {@code clientPreference} that the
     * server advertises, that can use {@code credentials}, and that {@code protection} allows.
     * Names compare case-insensitively. Call only after the session passed the TLS, identity, level
     * and latch checks.
     *
     * @param serverAdvertised the mechanisms the server advertises (IMAP {@code AUTH=}, POP3
     *     {@code SASL}, SMTP {@code AUTH}), as it spelled them
     * @param credentials the credentials to authenticate with
     * @param clientPreference the mechanisms the client allows, most preferred first; empty for
     *     {@link #DEFAULT_PREFERENCE}
     * @param protection what protects the session; under {@link ChannelProtection#CLEARTEXT}
     *     mechanisms that reveal a secret are never chosen
     * @return the chosen mechanism
     * @throws AuthenticationUnavailableException when nothing fits
     * @throws IllegalArgumentException when {@code clientPreference} names a mechanism that is not
     *     built in
     */
    public static SaslMechanism select(List<String> serverAdvertised, Credentials credentials,
            List<String> clientPreference, ChannelProtection protection) {
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(protection, "protection");
        List<String> preference = clientPreference.isEmpty() ? DEFAULT_PREFERENCE : clientPreference;
        List<String> offered = serverAdvertised.stream().map(n -> n.trim().toUpperCase(Locale.ROOT)).toList();
        List<SaslMechanism> allowed = preference.stream().map(name -> named(name).orElseThrow(
                () -> new IllegalArgumentException("no built-in SASL mechanism is named " + name))).toList();
        List<String> withheld = new ArrayList<>();
        for (SaslMechanism mechanism : allowed) {
            if (!offered.contains(mechanism.name()) || !mechanism.supports(credentials)) {
                continue;
            }
            if (mechanism.revealsSecret() && !protection.allowsRevealedSecrets()) {
                withheld.add(mechanism.name());
                continue;
            }
            return mechanism;
        }
        String type = credentials instanceof Credentials.Password ? "password" : "OAuth 2.0 token";
        throw new AuthenticationUnavailableException(serverAdvertised, preference, type, withheld);
    }
}
