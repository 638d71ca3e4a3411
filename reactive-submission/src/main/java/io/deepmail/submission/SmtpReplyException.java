package io.deepmail.submission;

import io.deepmail.core.CommandFailedException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The server refused a command with a 4xx (transient) or 5xx (permanent) reply, or answered it
 * with a reply the protocol does not allow there. {@link #responseCode()} is the RFC 3463 enhanced
 * status code when the server sent one, else the three-digit reply code.
 *
 * @since 0.1
 */
public final class SmtpReplyException extends CommandFailedException {

    private static final long serialVersionUID = 1L;

    private final String command;
    private final int code;
    private final @Nullable String enhancedStatus;
    private final String text;

    /**
     * Creates the exception.
     *
     * @param command the command refused, without arguments (such as {@code "RCPT"})
     * @param reply the reply
     */
    public SmtpReplyException(String command, SmtpReply reply) {
        super(Objects.requireNonNull(command, "command") + " failed: " + reply, null);
        this.command = command;
        this.code = reply.code();
        this.enhancedStatus = reply.enhancedStatus();
        this.text = reply.text();
    }

    /**
     * The command the server refused.
     *
     * @return the verb, such as {@code "MAIL"}
     */
    public String command() {
        return command;
    }

    /**
     * The three-digit reply code.
     *
     * @return the code
     */
    public int code() {
        return code;
    }

    /**
     * The RFC 3463 enhanced status code, when the server sent one.
     *
     * @return the enhanced code such as {@code "5.7.8"}, or {@code null}
     */
    public @Nullable String enhancedStatus() {
        return enhancedStatus;
    }

    /**
     * The reply text.
     *
     * @return the text
     */
    public String text() {
        return text;
    }

    /**
     * 4xx replies, and 421 (service closing) in particular, are transient.
     *
     * @return {@code true} for a 4xx reply
     */
    @Override
    public boolean isTransient() {
        return code / 100 == 4;
    }

    /**
     * The enhanced status code, or the reply code when there is none.
     *
     * @return the code
     */
    @Override
    public String responseCode() {
        return enhancedStatus != null ? enhancedStatus : Integer.toString(code);
    }
}
