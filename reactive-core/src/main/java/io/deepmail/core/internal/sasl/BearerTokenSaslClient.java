package io.deepmail.core.internal.sasl;

import io.deepmail.core.CommandFailedException;
import io.deepmail.core.sasl.SaslAuthenticationException;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * XOAUTH2 (Google and Microsoft) and OAUTHBEARER (RFC 7628): one message carrying the bearer
 * token. A challenge after it is the server's JSON error (RFC 7628 §3.2.2); the client answers it
 * with the mechanism's dummy response so that the server can finish with its refusal, which then
 * carries the JSON status through {@link #explainRefusal}.
 */
final class BearerTokenSaslClient extends ClientFirstSaslClient {

    private static final char KV_SEPARATOR = '\u0001';

    private final String message;
    private final byte[] dummyResponse;
    private @Nullable OAuthError error;

    private BearerTokenSaslClient(String mechanism, String message, byte[] dummyResponse) {
        super(mechanism);
        this.message = message;
        this.dummyResponse = dummyResponse;
    }

    /** XOAUTH2: {@code user=U ^A auth=Bearer T ^A ^A}; the dummy response is empty. */
    static BearerTokenSaslClient xoauth2(String username, String token) {
        check("XOAUTH2", username, token);
        return new BearerTokenSaslClient("XOAUTH2",
                "user=" + username + KV_SEPARATOR + "auth=Bearer " + token + KV_SEPARATOR + KV_SEPARATOR, new byte[0]);
    }

    /**
     * OAUTHBEARER: the GS2 header {@code n,a=U,}, then {@code ^A} and key-value pairs; the dummy
     * response is a single {@code ^A} (RFC 7628 §3.2.3).
     *
     * @param host the host the client connected to, or {@code null} to leave it out
     * @param port the port, or 0 to leave it out
     */
    static BearerTokenSaslClient oauthBearer(String username, String token, @Nullable String host, int port) {
        check("OAUTHBEARER", username, token);
        StringBuilder kv = new StringBuilder("n,a=").append(saslName(username)).append(',').append(KV_SEPARATOR);
        if (host != null) {
            Violations.requireNo(KV_SEPARATOR, host, "OAUTHBEARER", "host");
            kv.append("host=").append(host).append(KV_SEPARATOR);
        }
        if (port > 0) {
            kv.append("port=").append(port).append(KV_SEPARATOR);
        }
        kv.append("auth=Bearer ").append(token).append(KV_SEPARATOR).append(KV_SEPARATOR);
        return new BearerTokenSaslClient("OAUTHBEARER", kv.toString(), new byte[] {KV_SEPARATOR});
    }

    private static void check(String mechanism, String username, String token) {
        Violations.requireNo(KV_SEPARATOR, username, mechanism, "user name");
        Violations.requireNo(KV_SEPARATOR, token, mechanism, "token");
    }

    /** RFC 5801 §4 saslname: {@code =} and {@code ,} are escaped. */
    private static String saslName(String name) {
        return name.replace("=", "=3D").replace(",", "=2C");
    }

    @Override
    byte[] firstMessage() {
        return message.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    byte[] next(byte[] challenge) {
        if (error != null) {
            throw Violations.unexpected(mechanismName(), "the server sent another challenge after its error");
        }
        error = OAuthError.parse(Violations.utf8(mechanismName(), challenge));
        return dummyResponse.clone();
    }

    @Override
    public void verifySuccess(byte @Nullable [] additionalData) {
        if (error != null) {
            throw Violations.unexpected(mechanismName(), "the server reported success after reporting an error");
        }
        super.verifySuccess(additionalData);
    }

    @Override
    public CommandFailedException explainRefusal(CommandFailedException protocolFailure) {
        OAuthError e = error;
        return e == null ? protocolFailure
                : new SaslAuthenticationException(mechanismName(), e.status(), e.scope(), protocolFailure);
    }
}
