package io.deepmail.pop3.response;

import java.util.Objects;

/**
 * A SASL server challenge during {@code AUTH} (RFC 5034 §4): {@code + base64}.
 *
 * @param challenge the base64 text after {@code "+ "}, possibly empty
 * @since 0.1
 */
public record Continuation(String challenge) implements Pop3Response {

    /**
     * Validates the challenge.
     *
     * @param challenge the base64 challenge
     */
    public Continuation {
        Objects.requireNonNull(challenge, "challenge");
    }

    @Override
    public String toString() {
        return "+ " + challenge;
    }
}
