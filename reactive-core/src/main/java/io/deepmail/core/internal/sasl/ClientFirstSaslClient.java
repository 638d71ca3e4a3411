package io.deepmail.core.internal.sasl;

import io.deepmail.core.CommandFailedException;
import io.deepmail.core.sasl.SaslClient;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A mechanism in which the client speaks first (RFC 4422 §5): its first message goes either with
 * the command or in answer to the server's empty opening challenge, never both.
 */
abstract class ClientFirstSaslClient implements SaslClient {

    private final String mechanism;
    private boolean started;

    ClientFirstSaslClient(String mechanism) {
        this.mechanism = mechanism;
    }

    /** The client's first message; called once. */
    abstract byte[] firstMessage();

    /** Answers a challenge after the first message. */
    abstract byte[] next(byte[] challenge);

    @Override
    public final String mechanismName() {
        return mechanism;
    }

    @Override
    public final Optional<byte[]> initialResponse() {
        if (started) {
            throw new IllegalStateException(mechanism + ": the initial response was already produced");
        }
        started = true;
        return Optional.of(firstMessage());
    }

    @Override
    public final byte[] evaluateChallenge(byte[] challenge) {
        if (!started) {
            started = true;
            if (challenge.length != 0) {
                throw Violations.unexpected(mechanism, "the client speaks first, but the server's first challenge"
                        + " was not empty");
            }
            return firstMessage();
        }
        return next(challenge);
    }

    /** Whether the first message was produced. */
    final boolean started() {
        return started;
    }

    @Override
    public boolean isComplete() {
        return started;
    }

    @Override
    public void verifySuccess(byte @Nullable [] additionalData) {
        if (!isComplete()) {
            throw Violations.unexpected(mechanism, "the server reported success before the exchange finished");
        }
        if (additionalData != null && additionalData.length > 0) {
            throw Violations.unexpected(mechanism, "the success reply carries data the mechanism does not define");
        }
    }

    @Override
    public CommandFailedException explainRefusal(CommandFailedException protocolFailure) {
        return protocolFailure;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + mechanism + ", complete=" + isComplete() + "]";
    }
}
