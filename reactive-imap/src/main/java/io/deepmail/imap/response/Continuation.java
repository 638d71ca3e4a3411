package io.deepmail.imap.response;

import java.util.Objects;

/**
 * A command continuation request ({@code + text}): the server is ready for a literal, a SASL
 * response, or confirms IDLE.
 *
 * @param text the text after {@code "+ "}, possibly empty; a base64 challenge during AUTHENTICATE
 * @since 0.1
 */
public record Continuation(String text) implements ImapResponse {

    /**
     * Validates the response.
     *
     * @param text the text
     */
    public Continuation {
        Objects.requireNonNull(text, "text");
    }
}
