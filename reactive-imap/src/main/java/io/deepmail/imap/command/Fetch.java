package io.deepmail.imap.command;

import java.util.List;
import java.util.Objects;

/**
 * FETCH or UID FETCH.
 *
 * @param sequenceSet the message set, for example {@code "1:*"}
 * @param items the data items, for example {@code UID}, {@code FLAGS}, {@code ENVELOPE},
 *     {@code BODYSTRUCTURE}, {@code BODY.PEEK[]}
 * @param uid whether the set holds UIDs
 * @since 0.1
 */
public record Fetch(String sequenceSet, List<String> items, boolean uid) implements ImapCommand {

    /**
     * Validates the command.
     *
     * @param sequenceSet the set
     * @param items the items
     * @param uid whether UIDs are used
     */
    public Fetch {
        Objects.requireNonNull(sequenceSet, "sequenceSet");
        items = List.copyOf(items);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("FETCH needs at least one item");
        }
    }

    @Override
    public String verb() {
        return uid ? "UID FETCH" : "FETCH";
    }
}
