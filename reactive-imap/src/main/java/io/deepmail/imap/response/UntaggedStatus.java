package io.deepmail.imap.response;

import java.util.Objects;

/**
 * An untagged status response: {@code * OK}, {@code * NO}, {@code * BAD}, {@code * BYE} or the
 * greeting's {@code * PREAUTH}.
 *
 * @param status the status
 * @since 0.1
 */
public record UntaggedStatus(StatusResponse status) implements Untagged {

    /**
     * Validates the response.
     *
     * @param status the status
     */
    public UntaggedStatus {
        Objects.requireNonNull(status, "status");
    }

    @Override
    public String toString() {
        return "* " + status;
    }
}
