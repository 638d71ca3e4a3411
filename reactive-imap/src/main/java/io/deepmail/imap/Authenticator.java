package io.deepmail.imap;

import io.deepmail.core.TlsPolicyException;
import io.deepmail.core.auth.Credentials;
import io.deepmail.imap.command.Authenticate;
import io.deepmail.imap.command.Login;
import io.deepmail.imap.internal.ImapChannel;
import io.deepmail.imap.response.ImapResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import reactor.core.publisher.Flux;

/**
 * Chooses and runs the authentication exchange for a set of credentials and capabilities:
 * AUTHENTICATE PLAIN, XOAUTH2 or OAUTHBEARER (with SASL-IR when offered), else LOGIN unless
 * LOGINDISABLED is advertised (TLS-14). An unexpected challenge is answered with the mechanism's
 * abort, so the server ends the exchange with NO.
 */
final class Authenticator {

    private Authenticator() {
    }

    static Flux<ImapResponse> run(ImapChannel channel, Credentials credentials) {
        Set<String> caps = channel.capabilities();
        if (credentials instanceof Credentials.Password p) {
            if (caps.contains("AUTH=PLAIN")) {
                String plain = b64("\0" + p.username() + "\0" + p.password());
                return sasl(channel, "PLAIN", plain, "*");
            }
            if (caps.contains("LOGINDISABLED")) {
                return Flux.error(new TlsPolicyException("the server advertises LOGINDISABLED and no AUTH=PLAIN;"
                        + " LOGIN is never sent in that case (TLS-14)", null));
            }
            return channel.execute(new Login(p.username(), p.password()));
        }
        Credentials.OAuth2Token t = (Credentials.OAuth2Token) credentials;
        if (caps.contains("AUTH=OAUTHBEARER")) {
            String ir = b64("n,a=" + t.username().replace("=", "=3D").replace(",", "=2C") + ",\u0001auth=Bearer "
                    + t.accessToken() + "\u0001\u0001");
            return sasl(channel, "OAUTHBEARER", ir, b64("\u0001"));
        }
        if (caps.contains("AUTH=XOAUTH2")) {
            String ir = b64("user=" + t.username() + "\u0001auth=Bearer " + t.accessToken() + "\u0001\u0001");
            return sasl(channel, "XOAUTH2", ir, "");
        }
        return Flux.error(new TlsPolicyException("the server offers neither OAUTHBEARER nor XOAUTH2 for a token", null));
    }

    private static Flux<ImapResponse> sasl(ImapChannel channel, String mechanism, String initial, String abort) {
        if (channel.capabilities().contains("SASL-IR")) {
            return channel.authenticate(new Authenticate(mechanism, initial), challenge -> abort);
        }
        AtomicBoolean sent = new AtomicBoolean();
        return channel.authenticate(new Authenticate(mechanism, null),
                challenge -> sent.compareAndSet(false, true) ? initial : abort);
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
