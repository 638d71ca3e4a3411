package io.deepmail.core.sasl;

import io.deepmail.core.CommandFailedException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The client side of one SASL authentication (RFC 4422 §3): a small state machine that turns
 * server challenges into client responses. The protocol drives it and owns the framing:
 *
 * <ol>
 *   <li>If the protocol can send an initial response (IMAP SASL-IR, POP3 and SMTP {@code AUTH}
 *       with a second argument), it calls {@link #initialResponse()} once, before anything else,
 *       and sends the result with the command ({@link SaslCodec#encodeInitialResponse}). If it
 *       cannot, it never calls that method: the server then opens with an empty challenge, and
 *       {@link #evaluateChallenge} answers it with the same bytes.</li>
 *   <li>For every continuation ({@code "+ "} in IMAP and POP3, {@code "334 "} in SMTP) it decodes
 *       the text with {@link SaslCodec#decode}, calls {@link #evaluateChallenge} and sends the
 *       encoded result. If that throws, the protocol cancels the exchange with
 *       {@link SaslCodec#CANCEL} and raises the exception.</li>
 *   <li>On the success reply it calls {@link #verifySuccess}, passing any additional data the
 *       reply carried. A mechanism with mutual authentication (SCRAM) fails here when the server
 *       never proved itself.</li>
 *   <li>On a refusal it raises {@link #explainRefusal}{@code (protocolFailure)}.</li>
 * </ol>
 *
 * <p><b>Synchronous by design.</b> Every built-in mechanism is a pure computation on credentials
 * that were resolved before authentication started (the asynchronous part, fetching or refreshing
 * a token, lives in {@link io.deepmail.core.auth.CredentialsProvider}). Evaluation never blocks
 * and never does I/O, so a protocol calls it inline from its flow, for example in a
 * {@code concatMap} on the continuation lines; a {@code Mono} here would add an allocation and a
 * subscription per line and make the mechanisms harder to test as the state machines they are.
 * The costliest step is SCRAM's key derivation, whose iteration count is capped.
 *
 * <p>Not thread-safe: one authentication runs one step at a time. Arrays passed in are not kept;
 * arrays returned belong to the caller, who may clear them once encoded. No secret appears in
 * {@code toString()} or in any exception message.
 *
 * @since 0.1
 */
public interface SaslClient {

    /**
     * The mechanism name to send, for example {@code "PLAIN"}.
     *
     * @return the name
     */
    String mechanismName();

    /**
     * The client's first message, to send with the command. Call at most once, and only before
     * the first challenge. An empty array is a present but empty response, which the protocols
     * send as {@code "="}; an empty {@code Optional} means the mechanism waits for the server to
     * speak first (LOGIN).
     *
     * @return the initial response, or empty when the mechanism has none
     * @throws IllegalStateException when called after a challenge or twice
     */
    Optional<byte[]> initialResponse();

    /**
     * Answers one server challenge.
     *
     * @param challenge the decoded challenge, possibly empty
     * @return the response to send, possibly empty
     * @throws io.deepmail.core.ProtocolViolationException when the challenge does not fit the
     *     mechanism at this step
     * @throws SaslMutualAuthenticationException when the server's final message does not prove it
     *     knows the password (SCRAM)
     * @throws SaslAuthenticationException when the server's final message reports an error (SCRAM
     *     {@code e=})
     */
    byte[] evaluateChallenge(byte[] challenge);

    /**
     * Whether the client has sent everything and verified everything it needs to; a complete
     * client answers no further challenge.
     *
     * @return {@code true} when complete
     */
    boolean isComplete();

    /**
     * Checks the server's success reply. For a mechanism with mutual authentication, this is where
     * a server that reported success without proving itself is caught.
     *
     * @param additionalData the decoded additional data carried by the success reply (RFC 4422
     *     §5, item 4), or {@code null} when it carried none; the protocols in this library
     *     normally receive the server's final message as a challenge instead
     * @throws SaslMutualAuthenticationException when the server did not prove itself (SCRAM)
     * @throws io.deepmail.core.ProtocolViolationException when success came before the mechanism
     *     was complete, or carried data the mechanism does not define
     */
    void verifySuccess(byte @Nullable [] additionalData);

    /**
     * The failure to raise when the server refused the authentication. When the server explained
     * the refusal inside the exchange (the JSON error of XOAUTH2 and OAUTHBEARER), this is a
     * {@link SaslAuthenticationException} carrying that explanation, with the protocol's failure as
     * its cause; otherwise it is {@code protocolFailure} itself.
     *
     * @param protocolFailure the protocol's own failure for the refusal (IMAP NO, POP3 -ERR, SMTP 535)
     * @return the failure to raise
     */
    CommandFailedException explainRefusal(CommandFailedException protocolFailure);
}
