package io.deepmail.imap.command;

import java.util.Objects;

/**
 * SELECT: opens a mailbox read-write.
 *
 * @param mailbox the mailbox name, in Unicode
 * @since 0.1
 */
public record Select(String mailbox) implements ImapCommand {

    /**
     * Validates the command.
     *
     * @param mailbox the mailbox
     */
    public Select {
        Objects.requireNonNull(mailbox, "mailbox");
    }

    @Override
    public String verb() {
        return "SELECT";
    }
}
