package io.deepmail.imap.response;

import java.util.Objects;

/**
 * Untagged data this client does not model ({@code * n RECENT}, extensions), passed through as
 * text.
 *
 * @param keyword the response keyword, upper case
 * @param number the leading number of a {@code * n KEYWORD} response, or {@code -1}
 * @param text the rest of the first line, as sent
 * @since 0.1
 */
public record OtherData(String keyword, long number, String text) implements Untagged {

    /**
     * Validates the response.
     *
     * @param keyword the keyword
     * @param number the number
     * @param text the text
     */
    public OtherData {
        Objects.requireNonNull(keyword, "keyword");
        Objects.requireNonNull(text, "text");
    }
}
