package io.deepmail.imap.command;

import java.util.Objects;

/**
 * SEARCH or UID SEARCH, with criteria in IMAP syntax. Strings in the criteria must be quoted by the
 * caller; CR, LF and NUL are refused.
 *
 * @param criteria for example {@code "UNSEEN SUBJECT \"report\""}
 * @param uid whether UIDs are returned
 * @since 0.1
 */
public record Search(String criteria, boolean uid) implements ImapCommand {

    /**
     * Validates the command.
     *
     * @param criteria the criteria
     * @param uid whether UIDs are returned
     */
    public Search {
        Objects.requireNonNull(criteria, "criteria");
    }

    @Override
    public String verb() {
        return uid ? "UID SEARCH" : "SEARCH";
    }
}
