package io.deepmail.pop3.response;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A negative status, {@code -ERR [CODE] text}, with the RFC 2449 §8 / RFC 3206 response code when
 * the server sent one.
 *
 * @param code the response code between the brackets, such as {@code SYS/TEMP}, or {@code null}
 * @param text the human-readable text after the code
 * @since 0.1
 */
public record Err(@Nullable ResponseCode code, String text) implements Pop3Response {

    /**
     * Validates the text.
     *
     * @param code the response code, or {@code null}
     * @param text the status text
     */
    public Err {
        Objects.requireNonNull(text, "text");
    }

    /**
     * The response code.
     *
     * @return the code, or empty
     */
    public Optional<ResponseCode> responseCode() {
        return Optional.ofNullable(code);
    }

    @Override
    public String toString() {
        return "-ERR" + (code == null ? "" : " [" + code + "]") + (text.isEmpty() ? "" : " " + text);
    }
}
