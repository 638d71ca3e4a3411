package io.deepmail.core.internal.sasl;

import io.deepmail.core.auth.Credentials;
import io.deepmail.core.auth.Credentials.OAuth2Token;
import io.deepmail.core.auth.Credentials.Password;

/** Factories for the built-in mechanisms, so that the public constants stay one line each. */
public final class Mechanisms {

    private Mechanisms() {
    }

    /**
     * PLAIN with an empty authorization identity.
     *
     * @return the mechanism
     */
    public static BuiltInMechanism<Password> plain() {
        return BuiltInMechanism.of("PLAIN", Password.class, true,
                p -> new PlainSaslClient("", p.username(), p.password()));
    }

    /**
     * LOGIN.
     *
     * @return the mechanism
     */
    public static BuiltInMechanism<Password> login() {
        return BuiltInMechanism.of("LOGIN", Password.class, true, p -> new LoginSaslClient(p.username(), p.password()));
    }

    /**
     * SCRAM-SHA-256 without channel binding.
     *
     * @return the mechanism
     */
    public static BuiltInMechanism<Password> scramSha256() {
        return BuiltInMechanism.of(ScramSha256SaslClient.NAME, Password.class, false,
                p -> new ScramSha256SaslClient(p.username(), p.password(), Nonces::next));
    }

    /**
     * XOAUTH2.
     *
     * @return the mechanism
     */
    public static BuiltInMechanism<OAuth2Token> xoauth2() {
        return BuiltInMechanism.of("XOAUTH2", OAuth2Token.class, true,
                t -> BearerTokenSaslClient.xoauth2(t.username(), t.accessToken()));
    }

    /**
     * OAUTHBEARER without the optional host and port.
     *
     * @return the mechanism
     */
    public static BuiltInMechanism<OAuth2Token> oauthBearer() {
        return BuiltInMechanism.of("OAUTHBEARER", OAuth2Token.class, true,
                t -> BearerTokenSaslClient.oauthBearer(t.username(), t.accessToken(), null, 0));
    }

    /**
     * EXTERNAL with an empty authorization identity; any credentials, which it ignores.
     *
     * @return the mechanism
     */
    public static BuiltInMechanism<Credentials> external() {
        return BuiltInMechanism.of("EXTERNAL", Credentials.class, false, c -> new ExternalSaslClient());
    }
}
