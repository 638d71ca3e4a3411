package io.deepmail.imap.command;

import java.util.Objects;

/**
 * EXAMINE: opens a mailbox read-only.
 *
 * @param mailbox the mailbox name, in Unicode
 * @param options CONDSTORE or QRESYNC parameters (RFC 7162), {@link SelectOptions#NONE} for none
 * @since 0.1
 */
public record Examine(String mailbox, SelectOptions options) implements ImapCommand {

    /**
     * Validates the command.
     *
     * @param mailbox the mailbox
     * @param options the parameters
     */
    public Examine {
        Objects.requireNonNull(mailbox, "mailbox");
        Objects.requireNonNull(options, "options");
    }

    /**
     * Without parameters.
     *
     * @param mailbox the mailbox
     */
    public Examine(String mailbox) {
        this(mailbox, SelectOptions.NONE);
    }

    @Override
    public String verb() {
        return "EXAMINE";
    }
}
