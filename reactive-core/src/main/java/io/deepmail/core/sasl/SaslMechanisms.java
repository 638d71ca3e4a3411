package io.deepmail.core.sasl;

import io.deepmail.core.auth.Credentials;
import io.deepmail.core.internal.sasl.Mechanisms;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The built-in mechanisms.
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

    private static final Map<String, SaslMechanism> BY_NAME = Stream.of(SCRAM_SHA_256, PLAIN, LOGIN, OAUTHBEARER, XOAUTH2, EXTERNAL)
            .collect(Collectors.toUnmodifiableMap(SaslMechanism::name, Function.identity()));

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
}
