package io.deepmail.pop3.internal.sasl;

import org.jspecify.annotations.Nullable;

/**
 * The client side of one SASL exchange, as POP3 {@code AUTH} (RFC 5034) drives it. A stand-in
 * until the shared core SASL package lands: {@link SaslClients} is the one place that creates
 * these, so moving to the shared implementation changes that file only.
 */
public interface SaslClient {

    /**
     * The mechanism name, upper-case.
     *
     * @return the name, such as {@code PLAIN}
     */
    String mechanism();

    /**
     * The initial response, sent with the {@code AUTH} command.
     *
     * @return the raw bytes, not yet base64-encoded
     */
    byte[] initialResponse();

    /**
     * Answers a server challenge.
     *
     * @param challenge the decoded challenge
     * @return the raw response, or {@code null} to cancel the exchange ({@code *})
     */
    byte @Nullable [] evaluate(byte[] challenge);
}
