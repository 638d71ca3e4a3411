package io.deepmail.imap.response;

import java.util.List;

/**
 * {@code * SEARCH n n ...}: matching sequence numbers, or UIDs for UID SEARCH.
 *
 * @param numbers the numbers, in the server's order
 * @since 0.1
 */
public record SearchData(List<Long> numbers) implements Untagged {

    /**
     * Copies the list.
     *
     * @param numbers the numbers
     */
    public SearchData {
        numbers = List.copyOf(numbers);
    }
}
