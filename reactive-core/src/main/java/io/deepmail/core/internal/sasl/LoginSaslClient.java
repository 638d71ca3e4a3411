package io.deepmail.core.internal.sasl;

import io.deepmail.core.CommandFailedException;
import io.deepmail.core.sasl.SaslClient;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * LOGIN (draft-murchison-sasl-login): the server asks twice, and the client answers with the user
 * name, then the password. The challenge text ({@code "Username:"}, {@code "Password:"} or
 * anything else) is not interpreted: only its position counts.
 */
final class LoginSaslClient implements SaslClient {

    private final String username;
    private final String password;
    private int answered;

    LoginSaslClient(String username, String password) {
        this.username = username;
        this.password = password;
    }

    @Override
    public String mechanismName() {
        return "LOGIN";
    }

    @Override
    public Optional<byte[]> initialResponse() {
        if (answered > 0) {
            throw new IllegalStateException("LOGIN: asked for an initial response after a challenge");
        }
        return Optional.empty();
    }

    @Override
    public byte[] evaluateChallenge(byte[] challenge) {
        answered++;
        return switch (answered) {
            case 1 -> username.getBytes(StandardCharsets.UTF_8);
            case 2 -> password.getBytes(StandardCharsets.UTF_8);
            default -> throw Violations.unexpected("LOGIN", "the server sent a third challenge");
        };
    }

    @Override
    public boolean isComplete() {
        return answered >= 2;
    }

    @Override
    public void verifySuccess(byte @Nullable [] additionalData) {
        if (!isComplete()) {
            throw Violations.unexpected("LOGIN", "the server reported success before asking for the password");
        }
        if (additionalData != null && additionalData.length > 0) {
            throw Violations.unexpected("LOGIN", "the success reply carries data the mechanism does not define");
        }
    }

    @Override
    public CommandFailedException explainRefusal(CommandFailedException protocolFailure) {
        return protocolFailure;
    }

    @Override
    public String toString() {
        return "LoginSaslClient[LOGIN, complete=" + isComplete() + "]";
    }
}
