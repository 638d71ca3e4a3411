package io.deepmail.core.sasl;

import io.deepmail.core.CommandFailedException;
import io.deepmail.core.MailClientException;
import io.deepmail.core.ProtocolViolationException;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The client side of one SASL exchange as the three protocols carry it (IMAP AUTHENTICATE, POP3
 * AUTH, SMTP AUTH): base64 challenges in, base64 answers out, and the rules every protocol shares.
 * It is the one place those rules live, so that the protocol modules only frame the lines:
 * <ul>
 *   <li>a challenge that is not canonical base64, or that the mechanism rejects (a malformed or
 *       unproven SCRAM message), is answered with {@link SaslCodec#CANCEL} and the client-side
 *       failure is kept for {@link #failure()}, to be raised once the server has ended the
 *       exchange;</li>
 *   <li>after a failure, every further challenge is answered with {@code *} as well;</li>
 *   <li>more than {@link #maxChallenges()} challenges is a {@link ProtocolViolationException}, so a
 *       server cannot keep the exchange going for ever;</li>
 *   <li>response bytes are zeroed once encoded.</li>
 * </ul>
 * Not thread-safe: one exchange runs on one connection, one challenge at a time.
 */
public final class SaslConversation {

    /** The default bound on challenges; no mechanism deepmail offers needs more than two. */
    public static final int DEFAULT_MAX_CHALLENGES = 8;

    private final SaslClient client;
    private final int maxChallenges;
    private int challenges;
    private @Nullable MailClientException failure;

    private SaslConversation(SaslClient client, int maxChallenges) {
        this.client = Objects.requireNonNull(client, "client");
        if (maxChallenges < 1) {
            throw new IllegalArgumentException("maxChallenges must be positive: " + maxChallenges);
        }
        this.maxChallenges = maxChallenges;
    }

    /** A conversation bounded by {@link #DEFAULT_MAX_CHALLENGES}. */
    public static SaslConversation of(SaslClient client) {
        return new SaslConversation(client, DEFAULT_MAX_CHALLENGES);
    }

    /** A conversation bounded by {@code maxChallenges} challenges. */
    public static SaslConversation of(SaslClient client, int maxChallenges) {
        return new SaslConversation(client, maxChallenges);
    }

    /** The mechanism's registered name. */
    public String mechanismName() {
        return client.mechanismName();
    }

    /** The bound on challenges. */
    public int maxChallenges() {
        return maxChallenges;
    }

    /**
     * The initial response, base64 encoded ({@link SaslCodec#EMPTY_INITIAL_RESPONSE} when it is
     * empty), if the mechanism sends one; its bytes are zeroed.
     */
    public Optional<String> initialResponse() {
        return client.initialResponse().map(bytes -> {
            String line = SaslCodec.encodeInitialResponse(bytes);
            Arrays.fill(bytes, (byte) 0);
            return line;
        });
    }

    /**
     * The answer to one base64 challenge: the base64 response line, or {@link SaslCodec#CANCEL}
     * once this exchange has failed on the client side (see {@link #failure()}).
     */
    public String respond(CharSequence challenge) {
        if (failure != null) {
            return SaslCodec.CANCEL;
        }
        if (++challenges > maxChallenges) {
            failure = new ProtocolViolationException("the server sent more than " + maxChallenges + " "
                    + client.mechanismName() + " challenges");
            return SaslCodec.CANCEL;
        }
        try {
            byte[] response = client.evaluateChallenge(SaslCodec.decode(challenge));
            String line = SaslCodec.encode(response);
            Arrays.fill(response, (byte) 0);
            return line;
        } catch (MailClientException e) {
            failure = e;
        } catch (RuntimeException e) {
            failure = new ProtocolViolationException("the " + client.mechanismName()
                    + " exchange failed on the client side: " + e.getClass().getSimpleName());
        }
        return SaslCodec.CANCEL;
    }

    /** Records a failure found by the protocol (a malformed challenge line, say); later answers cancel. */
    public void fail(MailClientException cause) {
        if (failure == null) {
            failure = Objects.requireNonNull(cause, "cause");
        }
    }

    /** The client-side failure that made this conversation cancel, if any. */
    public Optional<MailClientException> failure() {
        return Optional.ofNullable(failure);
    }

    /**
     * The server accepted the exchange: the mechanism checks what it must (SCRAM's server
     * signature), throwing {@link SaslMutualAuthenticationException} if it cannot.
     *
     * @param additionalData the success data sent with the acceptance, if any
     */
    public void accepted(byte @Nullable [] additionalData) {
        client.verifySuccess(additionalData);
    }

    /** The server refused the exchange: the mechanism's explanation of {@code refusal}. */
    public CommandFailedException refused(CommandFailedException refusal) {
        return client.explainRefusal(refusal);
    }
}
