package io.deepmail.imap.command;

import java.util.Objects;

/**
 * CREATE: creates a mailbox.
 *
 * @param mailbox the mailbox name, in Unicode
 * @since 0.1
 */
public record Create(String mailbox) implements ImapCommand {

    /**
     * Validates the command.
     *
     * @param mailbox the mailbox
     */
    public Create {
        Objects.requireNonNull(mailbox, "mailbox");
    }

    @Override
    public String verb() {
        return "CREATE";
    }
}
