package io.deepmail.pop3;

import io.deepmail.core.CommandFailedException;
import io.deepmail.pop3.response.Err;
import io.deepmail.pop3.response.ResponseCode;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The server answered a command with {@code -ERR}. The RFC 2449 / RFC 3206 response code, when
 * sent, says whether retrying later may help: {@code SYS/TEMP}, {@code IN-USE} and
 * {@code LOGIN-DELAY} are transient; {@code SYS/PERM}, {@code AUTH}, other codes and no code are
 * permanent.
 *
 * @since 0.1
 */
public final class Pop3ErrException extends CommandFailedException {

    private static final long serialVersionUID = 1L;

    private final String command;
    private final @Nullable ResponseCode code;
    private final String text;

    /**
     * Creates the failure.
     *
     * @param command the refused command's verb, never its secret arguments
     * @param err the server's reply
     */
    public Pop3ErrException(String command, Err err) {
        super(command + " refused: " + err, null);
        this.command = command;
        this.code = err.code();
        this.text = err.text();
    }

    /**
     * The refused command's verb ({@code "PASS"}, {@code "RETR"}, or {@code "greeting"}).
     *
     * @return the verb
     */
    public String command() {
        return command;
    }

    /**
     * The response code.
     *
     * @return the code, or empty when the server sent none
     */
    public Optional<ResponseCode> code() {
        return Optional.ofNullable(code);
    }

    /**
     * The server's text after the code.
     *
     * @return the text
     */
    public String text() {
        return text;
    }

    @Override
    public @Nullable String responseCode() {
        return code == null ? null : code.value();
    }

    @Override
    public boolean isTransient() {
        return code != null && code.isTransient();
    }
}
