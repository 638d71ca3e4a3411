package io.deepmail.imap.response;

import java.util.Objects;

/**
 * The tagged status response that completes the command carrying {@code tag}.
 *
 * @param tag the command's tag
 * @param status OK, NO or BAD, with the optional response code and text
 * @since 0.1
 */
public record Tagged(String tag, StatusResponse status) implements ImapResponse {

    /**
     * Validates the response.
     *
     * @param tag the command's tag
     * @param status the status
     */
    public Tagged {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(status, "status");
    }

    /**
     * Whether the command succeeded.
     *
     * @return {@code true} for OK
     */
    public boolean isOk() {
        return status.kind() == StatusResponse.Kind.OK;
    }

    @Override
    public String toString() {
        return tag + " " + status;
    }
}
