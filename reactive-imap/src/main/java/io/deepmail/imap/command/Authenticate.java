package io.deepmail.imap.command;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * AUTHENTICATE with a SASL mechanism, and the initial response when SASL-IR (RFC 4959) is used.
 *
 * @param mechanism the mechanism, for example {@code PLAIN}
 * @param initialResponse the base64 initial response, or {@code null}; not shown by {@link #toString()}
 * @since 0.1
 */
public record Authenticate(String mechanism, @Nullable String initialResponse) implements ImapCommand {

    /**
     * Validates the command.
     *
     * @param mechanism the mechanism
     * @param initialResponse the initial response
     */
    public Authenticate {
        Objects.requireNonNull(mechanism, "mechanism");
    }

    @Override
    public String verb() {
        return "AUTHENTICATE";
    }

    @Override
    public String toString() {
        return "Authenticate[" + mechanism + (initialResponse == null ? "" : ", ***") + "]";
    }
}
