package io.deepmail.imap;

import io.deepmail.imap.response.StatusResponse;

/**
 * The server said BYE: it is closing the session. Transient: another session may succeed.
 *
 * @since 0.1
 */
public final class ImapByeException extends ImapStatusException {

    private static final long serialVersionUID = 1L;

    ImapByeException(String command, StatusResponse status) {
        super(command, status);
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
