package io.deepmail.imap.response;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A status response: its kind, the optional bracketed response code and the human-readable text.
 *
 * @param kind OK, NO, BAD, BYE or PREAUTH
 * @param code the response code, or {@code null}
 * @param text the text, possibly empty
 * @since 0.1
 */
public record StatusResponse(Kind kind, @Nullable ResponseCode code, String text) {

    /**
     * Validates the response.
     *
     * @param kind the kind
     * @param code the code
     * @param text the text
     */
    public StatusResponse {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
    }

    /**
     * Whether the response carries a code of that name.
     *
     * @param name a code name such as {@code "ALERT"}
     * @return {@code true} if the code is present, compared case-insensitively
     */
    public boolean hasCode(String name) {
        ResponseCode c = code;
        return c != null && c.name().equalsIgnoreCase(name);
    }

    @Override
    public String toString() {
        ResponseCode c = code;
        return kind + (c == null ? "" : " " + c) + (text.isEmpty() ? "" : " " + text);
    }

    /**
     * The status kinds of RFC 9051 §7.1.
     *
     * @since 0.1
     */
    public enum Kind {
        /** Success. */
        OK,
        /** Operational failure. */
        NO,
        /** Protocol error: the command was not understood or not allowed. */
        BAD,
        /** The server is closing the connection. */
        BYE,
        /** Greeting of a connection that is already authenticated. */
        PREAUTH
    }
}
