package io.deepmail.submission;

import io.deepmail.core.CommandFailedException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The message or the account needs an SMTP extension the server did not advertise inside TLS:
 * 8BITMIME, SMTPUTF8, DSN, REQUIRETLS when required, or an AUTH mechanism the credentials can use.
 * Nothing was sent for the message. Permanent for this server.
 *
 * @since 0.1
 */
public final class MissingExtensionException extends CommandFailedException {

    private static final long serialVersionUID = 1L;

    private final String extension;

    /**
     * Creates the exception.
     *
     * @param extension the EHLO keyword that is missing, such as {@code "SMTPUTF8"}
     * @param message what needed it
     */
    public MissingExtensionException(String extension, String message) {
        super(message, null);
        this.extension = Objects.requireNonNull(extension, "extension");
    }

    /**
     * The EHLO keyword that is missing.
     *
     * @return the keyword
     */
    public String extension() {
        return extension;
    }

    /**
     * No reply code: the client refused before sending.
     *
     * @return {@code null}
     */
    @Override
    public @Nullable String responseCode() {
        return null;
    }
}
