package io.deepmail.submission;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One reply from the server: its code, its RFC 3463 enhanced status code when it sent one, and the
 * text of each line (after the code; the enhanced code left in place, as sent).
 *
 * @param code the three-digit reply code
 * @param enhancedStatus the enhanced status code such as {@code "5.1.1"}, or {@code null}
 * @param lines the text of each line
 * @since 0.1
 */
public record SmtpReply(int code, @Nullable String enhancedStatus, List<String> lines) {

    /**
     * Validates the code and copies the lines.
     *
     * @param code the reply code, 200 to 559
     * @param enhancedStatus the enhanced status code, or {@code null}
     * @param lines the lines, at least one
     */
    public SmtpReply {
        if (code < 200 || code > 559) {
            throw new IllegalArgumentException("not an SMTP reply code: " + code);
        }
        lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a reply has at least one line");
        }
    }

    /**
     * Whether the code is 4xx: the same command may succeed later.
     *
     * @return {@code true} for a transient negative reply
     */
    public boolean isTransientFailure() {
        return code / 100 == 4;
    }

    /**
     * Whether the code is 5xx: repeating the command as is will fail again.
     *
     * @return {@code true} for a permanent negative reply
     */
    public boolean isPermanentFailure() {
        return code / 100 == 5;
    }

    /**
     * The lines joined with a space.
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
