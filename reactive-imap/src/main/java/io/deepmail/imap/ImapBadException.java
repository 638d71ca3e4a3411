package io.deepmail.imap;

import io.deepmail.imap.response.StatusResponse;

/**
 * The server answered BAD: the command was not understood or not allowed in this state. Permanent.
 *
 * @since 0.1
 */
public final class ImapBadException extends ImapStatusException {

    private static final long serialVersionUID = 1L;

    ImapBadException(String command, StatusResponse status) {
        super(command, status);
    }

    @Override
    public boolean isTransient() {
        return false;
    }
}
