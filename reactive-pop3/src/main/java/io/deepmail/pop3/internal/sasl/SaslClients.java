package io.deepmail.pop3.internal.sasl;

import io.deepmail.core.auth.Credentials;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Creates {@link SaslClient}s: PLAIN (RFC 4616) for passwords, XOAUTH2 and OAUTHBEARER (RFC 7628)
 * for OAuth 2.0 tokens, each with an initial response. A challenge to PLAIN is answered with a
 * cancel; a challenge to the OAuth mechanisms carries the server's error and is answered as
 * RFC 7628 §3.2.3 asks, so that the server ends with {@code -ERR}.
 */
public final class SaslClients {

    private SaslClients() {
    }

    /**
     * A client for a mechanism and credentials.
     *
     * @param mechanism the mechanism name, in any case
     * @param credentials the credentials
     * @return the client, or empty when the mechanism is unsupported or does not fit the credentials
     */
    public static Optional<SaslClient> create(String mechanism, Credentials credentials) {
        String name = mechanism.toUpperCase(Locale.ROOT);
        if (credentials instanceof Credentials.Password p && name.equals("PLAIN")) {
            return Optional.of(fixed(name, "\0" + p.username() + "\0" + p.password(), null));
        }
        if (credentials instanceof Credentials.OAuth2Token t && name.equals("XOAUTH2")) {
            return Optional.of(fixed(name, "user=" + t.username() + "\u0001auth=Bearer " + t.accessToken()
                    + "\u0001\u0001", new byte[0]));
        }
        if (credentials instanceof Credentials.OAuth2Token t && name.equals("OAUTHBEARER")) {
            return Optional.of(fixed(name, "n,a=" + saslName(t.username()) + ",\u0001auth=Bearer " + t.accessToken()
                    + "\u0001\u0001", new byte[] {1}));
        }
        return Optional.empty();
    }

    private static String saslName(String user) {
        return user.replace("=", "=3D").replace(",", "=2C");
    }

    private static SaslClient fixed(String name, String initial, byte @Nullable [] afterChallenge) {
        byte[] bytes = initial.getBytes(StandardCharsets.UTF_8);
        return new SaslClient() {
            private boolean answered;

            @Override
            public String mechanism() {
                return name;
            }

            @Override
            public byte[] initialResponse() {
                return bytes.clone();
            }

            @Override
            public byte @Nullable [] evaluate(byte[] challenge) {
                if (afterChallenge == null || answered) {
                    return null;
                }
                answered = true;
                return afterChallenge.clone();
            }
        };
    }
}
