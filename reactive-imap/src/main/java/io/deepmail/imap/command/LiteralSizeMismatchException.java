package io.deepmail.imap.command;

import io.deepmail.core.ProtocolViolationException;

/**
 * The content of a streamed literal (APPEND) had more or fewer bytes than the size announced to the
 * server. The connection is closed: the server would have taken the wrong bytes for the next
 * command. Nothing of the surplus is written.
 *
 * @since 0.1
 */
public final class LiteralSizeMismatchException extends ProtocolViolationException {

    private static final long serialVersionUID = 1L;

    private final long declared;
    private final long actual;

    /**
     * Creates the failure.
     *
     * @param declared the announced size
     * @param actual the bytes the publisher gave, at least {@code declared + 1} when it gave more
     */
    public LiteralSizeMismatchException(long declared, long actual) {
        super("the literal content has " + (actual > declared ? "more than " + declared : actual)
                + " bytes where " + declared + " were announced; the connection is closed");
        this.declared = declared;
        this.actual = actual;
    }

    /**
     * The announced size.
     *
     * @return bytes
     */
    public long declared() {
        return declared;
    }

    /**
     * What the publisher gave: the exact count when it gave fewer bytes, the count up to the first
     * surplus buffer when it gave more.
     *
     * @return bytes
     */
    public long actual() {
        return actual;
    }
}
