package io.deepmail.imap.command;

import java.util.Objects;

/**
 * DELETE: deletes a mailbox.
 *
 * @param mailbox the mailbox name, in Unicode
 * @since 0.1
 */
public record Delete(String mailbox) implements ImapCommand {

    /**
     * Validates the command.
     *
     * @param mailbox the mailbox
     */
    public Delete {
        Objects.requireNonNull(mailbox, "mailbox");
    }

    @Override
    public String verb() {
        return "DELETE";
    }
}
