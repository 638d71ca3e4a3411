package io.deepmail.imap.command;

import java.util.List;
import java.util.Objects;

/**
 * APPEND: adds a message to a mailbox, as a literal (synchronizing, or LITERAL+ / LITERAL- where
 * offered).
 *
 * @param mailbox the mailbox, in Unicode
 * @param flags the flags to set, possibly empty
 * @param message the RFC 5322 message, CRLF line endings; not copied
 * @since 0.1
 */
public record Append(String mailbox, List<String> flags, byte[] message) implements ImapCommand {

    /**
     * Validates the command.
     *
     * @param mailbox the mailbox
     * @param flags the flags
     * @param message the message
     */
    public Append {
        Objects.requireNonNull(mailbox, "mailbox");
        flags = List.copyOf(flags);
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String verb() {
        return "APPEND";
    }

    @Override
    public String toString() {
        return "Append[" + mailbox + ", " + flags + ", " + message.length + " bytes]";
    }
}
