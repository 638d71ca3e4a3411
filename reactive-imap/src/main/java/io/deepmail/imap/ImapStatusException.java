package io.deepmail.imap;

import io.deepmail.core.CommandFailedException;
import io.deepmail.imap.response.ResponseCode;
import io.deepmail.imap.response.StatusResponse;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An IMAP server refused a command (NO), rejected it (BAD) or closed the session (BYE). The
 * response code and text are kept; a {@code REFERRAL} code on NO is an
 * {@link ImapReferralException}, reported and never followed.
 *
 * @since 0.1
 */
public abstract sealed class ImapStatusException extends CommandFailedException
        permits ImapNoException, ImapBadException, ImapByeException {

    private static final long serialVersionUID = 1L;

    private final String command;
    private final StatusResponse.Kind kind;
    private final @Nullable String code;
    private final String codeArgument;
    private final String text;

    ImapStatusException(String command, StatusResponse status) {
        super(command + " failed: " + Objects.requireNonNull(status, "status"), null);
        this.command = command;
        this.kind = status.kind();
        ResponseCode c = status.code();
        this.code = c == null ? null : c.name();
        this.codeArgument = c == null ? "" : c.argument();
        this.text = status.text();
    }

    /**
     * The command that failed, without secrets (for example {@code "LOGIN"} or {@code "SELECT Archive"}).
     *
     * @return the command
     */
    public String command() {
        return command;
    }

    /**
     * The status kind: NO, BAD or BYE.
     *
     * @return the kind
     */
    public StatusResponse.Kind kind() {
        return kind;
    }

    @Override
    public @Nullable String responseCode() {
        return code;
    }

    /**
     * The response code's argument, for example the URL of a REFERRAL.
     *
     * @return the argument, empty when absent
     */
    public String responseCodeArgument() {
        return codeArgument;
    }

    /**
     * The server's text. It is server-controlled: show it as such.
     *
     * @return the text
     */
    public String text() {
        return text;
    }
}
