package io.deepmail.cli;

import java.io.Serial;

/** A bad argument found after parsing (an unreadable file, an address that is not one): exit code 2. */
public final class UsageException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the one line shown to the user
     */
    public UsageException(String message) {
        super(message);
    }
}
