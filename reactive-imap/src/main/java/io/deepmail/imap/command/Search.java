package io.deepmail.imap.command;

import java.util.List;
import java.util.Objects;

/**
 * SEARCH or UID SEARCH, with ESEARCH result options (RFC 4731, IMAP4rev2) when any are given:
 * {@code SEARCH RETURN (MIN MAX COUNT ALL) criteria}.
 *
 * @param criteria the search criteria in IMAP syntax, for example {@code "UNSEEN SINCE 1-Jan-2024"}
 * @param uid whether UIDs are returned
 * @param returnOptions the ESEARCH result options, for example {@code MIN}, {@code COUNT}; empty for
 *     a plain SEARCH
 * @since 0.1
 */
public record Search(String criteria, boolean uid, List<String> returnOptions) implements ImapCommand {

    /**
     * Validates the command.
     *
     * @param criteria the criteria
     * @param uid whether UIDs are returned
     * @param returnOptions the result options
     */
    public Search {
        Objects.requireNonNull(criteria, "criteria");
        returnOptions = List.copyOf(returnOptions);
        for (String option : returnOptions) {
            if (!option.matches("[A-Za-z][A-Za-z0-9-]*")) {
                throw new IllegalArgumentException("not an ESEARCH result option: " + option);
            }
        }
    }

    /**
     * A plain SEARCH without result options.
     *
     * @param criteria the criteria
     * @param uid whether UIDs are returned
     */
    public Search(String criteria, boolean uid) {
        this(criteria, uid, List.of());
    }

    @Override
    public String verb() {
        return uid ? "UID SEARCH" : "SEARCH";
    }
}
