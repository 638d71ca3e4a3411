package io.deepmail.submission.internal.codec;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One decoded SMTP reply: the three-digit code shared by all its lines, the RFC 3463 enhanced
 * status code of its first line when it carries one, and the text of each line after the code and
 * separator (enhanced code included, as sent).
 *
 * @param code the reply code, 200 to 559
 * @param enhancedStatus the enhanced status code such as {@code "2.0.0"}, or {@code null}
 * @param lines the text of each line, at least one (possibly empty)
 */
public record SmtpResponse(int code, @Nullable String enhancedStatus, List<String> lines) {

    /**
     * Validates the code and copies the lines.
     *
     * @param code the reply code
     * @param enhancedStatus the enhanced status code, or {@code null}
     * @param lines the lines
     */
    public SmtpResponse {
        if (code < 200 || code > 559) {
            throw new IllegalArgumentException("not an SMTP reply code: " + code);
        }
        lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a reply has at least one line");
        }
    }

    /**
     * Whether the code is 2xx.
     *
     * @return {@code true} for a positive completion
     */
    public boolean isPositiveCompletion() {
        return code / 100 == 2;
    }

    /**
     * Whether the code is 3xx, such as 354 after DATA or 334 during AUTH.
     *
     * @return {@code true} for a positive intermediate reply
     */
    public boolean isPositiveIntermediate() {
        return code / 100 == 3;
    }

    /**
     * The lines joined with a single space, for messages.
     *
     * @return the text
     */
    public String text() {
        return String.join(" ", lines);
    }

    @Override
    public String toString() {
        return code + " " + text();
    }
}
