package io.deepmail.imap.command;

import java.util.Objects;

/**
 * COPY or UID COPY: copys messages to another mailbox.
 *
 * @param sequenceSet the message set
 * @param mailbox the destination, in Unicode
 * @param uid whether the set holds UIDs
 * @since 0.1
 */
public record Copy(String sequenceSet, String mailbox, boolean uid) implements ImapCommand {

    /**
     * Validates the command.
     *
     * @param sequenceSet the set
     * @param mailbox the destination
     * @param uid whether UIDs are used
     */
    public Copy {
        Objects.requireNonNull(sequenceSet, "sequenceSet");
        Objects.requireNonNull(mailbox, "mailbox");
    }

    @Override
    public String verb() {
        return uid ? "UID COPY" : "COPY";
    }
}
