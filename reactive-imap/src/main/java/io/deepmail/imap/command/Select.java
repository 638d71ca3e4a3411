package io.deepmail.imap.command;

import java.util.Objects;

/**
 * SELECT: opens a mailbox read-write.
 *
 * @param mailbox the mailbox name, in Unicode
 * @param options CONDSTORE or QRESYNC parameters (RFC 7162), {@link SelectOptions#NONE} for none
 * @since 0.1
 */
public record Select(String mailbox, SelectOptions options) implements ImapCommand {

    /**
     * Validates the command.
     *
     * @param mailbox the mailbox
     * @param options the parameters
     */
    public Select {
        Objects.requireNonNull(mailbox, "mailbox");
        Objects.requireNonNull(options, "options");
    }

    /**
     * Without parameters.
     *
     * @param mailbox the mailbox
     */
    public Select(String mailbox) {
        this(mailbox, SelectOptions.NONE);
    }

    @Override
    public String verb() {
        return "SELECT";
    }
}
