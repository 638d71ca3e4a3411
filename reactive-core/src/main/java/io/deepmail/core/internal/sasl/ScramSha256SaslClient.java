package io.deepmail.core.internal.sasl;

import com.ongres.scram.client.ScramClient;
import com.ongres.scram.common.ServerFirstMessage;
import com.ongres.scram.common.exception.ScramInvalidServerSignatureException;
import com.ongres.scram.common.exception.ScramParseException;
import com.ongres.scram.common.exception.ScramServerErrorException;
import io.deepmail.core.ProtocolViolationException;
import io.deepmail.core.sasl.SaslAuthenticationException;
import io.deepmail.core.sasl.SaslMutualAuthenticationException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * SCRAM-SHA-256 (RFC 7677, RFC 5802) on com.ongres.scram, without channel binding: the GS2 header
 * is {@code n,,}. SCRAM-SHA-256-PLUS needs the {@code tls-exporter} (RFC 9266) or
 * {@code tls-unique} binding data from the TLS layer and is left for later. The client is complete
 * only once the server's signature verified.
 */
final class ScramSha256SaslClient extends ClientFirstSaslClient {

    static final String NAME = "SCRAM-SHA-256";

    /**
     * The highest iteration count accepted from the server. RFC 7677 asks for at least 4096; this
     * bound keeps a hostile or misconfigured server from pinning the calling thread in key
     * derivation (about a third of a second at this count).
     */
    static final int MAX_ITERATIONS = 600_000;

    private enum Step { FIRST, FINAL_SENT, VERIFIED }

    private final ScramClient scram;
    private Step step = Step.FIRST;

    ScramSha256SaslClient(String username, String password, Supplier<String> nonce) {
        super(NAME);
        char[] secret = password.toCharArray();
        try {
            scram = ScramClient.builder()
                    .advertisedMechanisms(List.of(NAME))
                    .username(username)
                    .password(secret)
                    .nonceSupplier(nonce)
                    .build();
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    @Override
    byte[] firstMessage() {
        return scram.clientFirstMessage().toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    byte[] next(byte[] challenge) {
        return switch (step) {
            case FIRST -> clientFinal(challenge);
            case FINAL_SENT -> {
                verifyServerFinal(challenge);
                yield new byte[0];
            }
            case VERIFIED -> throw Violations.unexpected(NAME, "the server sent a challenge after its final message");
        };
    }

    private byte[] clientFinal(byte[] serverFirst) {
        ServerFirstMessage first;
        try {
            first = scram.serverFirstMessage(Violations.utf8(NAME, serverFirst));
        } catch (ScramParseException | IllegalArgumentException e) {
            throw violation("the server-first message is malformed or does not extend the client nonce");
        }
        if (first.getIterationCount() > MAX_ITERATIONS) {
            throw violation("the server asks for " + first.getIterationCount() + " iterations, more than "
                    + MAX_ITERATIONS);
        }
        byte[] message = scram.clientFinalMessage().toString().getBytes(StandardCharsets.UTF_8);
        step = Step.FINAL_SENT;
        return message;
    }

    private void verifyServerFinal(byte[] serverFinal) {
        try {
            scram.serverFinalMessage(Violations.utf8(NAME, serverFinal));
        } catch (ScramInvalidServerSignatureException e) {
            throw new SaslMutualAuthenticationException(NAME, "the server signature does not verify", null);
        } catch (ScramServerErrorException e) {
            throw new SaslAuthenticationException(NAME, e.getServerError(), null, null);
        } catch (ScramParseException | IllegalArgumentException e) {
            throw violation("the server-final message is malformed");
        }
        step = Step.VERIFIED;
    }

    private static ProtocolViolationException violation(String what) {
        return Violations.unexpected(NAME, what);
    }

    @Override
    public boolean isComplete() {
        return step == Step.VERIFIED;
    }

    @Override
    public void verifySuccess(byte @Nullable [] additionalData) {
        boolean carriesData = additionalData != null && additionalData.length > 0;
        if (step == Step.FINAL_SENT && carriesData) {
            verifyServerFinal(additionalData);
        } else if (step != Step.VERIFIED) {
            throw new SaslMutualAuthenticationException(NAME, "the server reported success without its signature",
                    null);
        } else if (carriesData) {
            throw violation("the success reply carries data after the server-final message");
        }
    }
}
