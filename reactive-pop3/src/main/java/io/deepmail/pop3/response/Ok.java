package io.deepmail.pop3.response;

import java.util.Objects;
import java.util.Optional;

/**
 * A single-line positive status, {@code +OK text}.
 *
 * @param text the text after {@code +OK} and one space, possibly empty
 * @since 0.1
 */
public record Ok(String text) implements Pop3Response {

    /**
     * Validates the text.
     *
     * @param text the status text
     */
    public Ok {
        Objects.requireNonNull(text, "text");
    }

    /**
     * The RFC 1939 §7 APOP timestamp a greeting may carry: the first {@code <...@...>} in the text,
     * angle brackets included.
     *
     * @return the timestamp, or empty when the text holds none
     */
    public Optional<String> apopTimestamp() {
        int open = text.indexOf('<');
        while (open >= 0) {
            int close = text.indexOf('>', open + 1);
            if (close < 0) {
                return Optional.empty();
            }
            String candidate = text.substring(open, close + 1);
            if (candidate.indexOf('@') > 0 && candidate.indexOf('<', 1) < 0 && candidate.chars().allMatch(
                    c -> c > 0x20 && c < 0x7f)) {
                return Optional.of(candidate);
            }
            open = text.indexOf('<', open + 1);
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return text.isEmpty() ? "+OK" : "+OK " + text;
    }
}
