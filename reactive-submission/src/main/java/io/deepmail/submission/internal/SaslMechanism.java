package io.deepmail.submission.internal;

import io.deepmail.core.auth.Credentials;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The small SASL client {@link AuthFlow} needs: a mechanism name, an initial response and answers
 * to challenges. Stand-in until the core's shared SASL package is used here; only this file and
 * {@link AuthFlow#choose} change then.
 */
interface SaslMechanism {

    /** The mechanism name, as in the EHLO AUTH list. */
    String name();

    /** The initial response, or {@code null} to wait for the first challenge. */
    byte @Nullable [] initialResponse();

    /** The answer to a server challenge. */
    byte[] evaluate(byte[] challenge);

    /** The mechanisms able to use {@code credentials}, most preferred first, among {@code offered}. */
    static List<SaslMechanism> usable(Credentials credentials, Set<String> offered) {
        if (credentials instanceof Credentials.Password p) {
            return List.<SaslMechanism>of(new Plain(p), new Login(p)).stream()
                    .filter(m -> offered.contains(m.name())).toList();
        }
        Credentials.OAuth2Token t = (Credentials.OAuth2Token) credentials;
        return List.<SaslMechanism>of(new OAuthBearer(t), new XOAuth2(t)).stream()
                .filter(m -> offered.contains(m.name())).toList();
    }

    /** RFC 4616: {@code authzid NUL authcid NUL password}, with an empty authzid. */
    record Plain(Credentials.Password credentials) implements SaslMechanism {
        @Override
        public String name() {
            return "PLAIN";
        }

        @Override
        public byte[] initialResponse() {
            return ("\0" + credentials.username() + "\0" + credentials.password()).getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public byte[] evaluate(byte[] challenge) {
            return initialResponse();
        }
    }

    /** The obsolete LOGIN mechanism: user name, then password, each on its own challenge. */
    final class Login implements SaslMechanism {
        private final Credentials.Password credentials;
        private int step;

        Login(Credentials.Password credentials) {
            this.credentials = credentials;
        }

        @Override
        public String name() {
            return "LOGIN";
        }

        @Override
        public byte @Nullable [] initialResponse() {
            return null;
        }

        @Override
        public byte[] evaluate(byte[] challenge) {
            String answer = step++ == 0 ? credentials.username() : credentials.password();
            return answer.getBytes(StandardCharsets.UTF_8);
        }
    }

    /** RFC 7628 OAUTHBEARER; an error challenge is answered with the single byte 0x01. */
    record OAuthBearer(Credentials.OAuth2Token token) implements SaslMechanism {
        @Override
        public String name() {
            return "OAUTHBEARER";
        }

        @Override
        public byte[] initialResponse() {
            return ("n,a=" + token.username().replace("=", "=3D").replace(",", "=2C") + ",\u0001auth=Bearer "
                    + token.accessToken() + "\u0001\u0001").getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public byte[] evaluate(byte[] challenge) {
            return new byte[] {1};
        }
    }

    /** Google's XOAUTH2; an error challenge is answered with an empty response. */
    record XOAuth2(Credentials.OAuth2Token token) implements SaslMechanism {
        @Override
        public String name() {
            return "XOAUTH2";
        }

        @Override
        public byte[] initialResponse() {
            return ("user=" + token.username() + "\u0001auth=Bearer " + token.accessToken() + "\u0001\u0001")
                    .getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public byte[] evaluate(byte[] challenge) {
            return new byte[0];
        }
    }
}
