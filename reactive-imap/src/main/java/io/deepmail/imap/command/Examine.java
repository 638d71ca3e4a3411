package io.deepmail.imap.command;

import java.util.Objects;

/**
 * EXAMINE: opens a mailbox read-only.
 *
 * @param mailbox the mailbox name, in Unicode
 * @since 0.1
 */
public record Examine(String mailbox) implements ImapCommand {

    /**
     * Validates the command.
     *
     * @param mailbox the mailbox
     */
    public Examine {
        Objects.requireNonNull(mailbox, "mailbox");
    }

    @Override
    public String verb() {
        return "EXAMINE";
    }
}
