package io.deepmail.imap.command;

import java.util.List;
import java.util.Objects;

/**
 * STATUS: counters of a mailbox that is not selected.
 *
 * @param mailbox the mailbox name, in Unicode
 * @param items the items, for example {@code MESSAGES}, {@code UIDNEXT}, {@code UNSEEN}
 * @since 0.1
 */
public record Status(String mailbox, List<String> items) implements ImapCommand {

    /**
     * Validates the command.
     *
     * @param mailbox the mailbox
     * @param items the items
     */
    public Status {
        Objects.requireNonNull(mailbox, "mailbox");
        items = List.copyOf(items);
    }

    @Override
    public String verb() {
        return "STATUS";
    }
}
