package io.deepmail.imap.response;

import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * {@code * ESEARCH (TAG "A5") UID MIN 1 MAX 9 COUNT 4 ALL 1:3,9} (RFC 4731, RFC 9051 §7.3.4).
 *
 * @param tag the tag of the command this answers, or {@code null} when the server sent none
 * @param uid whether the numbers are UIDs
 * @param min the lowest match, or {@code -1} when not returned (or nothing matched)
 * @param max the highest match, or {@code -1}
 * @param count the number of matches, or {@code -1} when not returned
 * @param all the matches as a sequence set such as {@code "1:3,9"}, or {@code null} when not
 *     returned or nothing matched
 * @param other result items this client does not model (for example {@code MODSEQ}), raw
 * @since 0.1
 */
public record ESearchData(@Nullable String tag, boolean uid, long min, long max, long count, @Nullable String all,
        Map<String, String> other) implements Untagged {

    /**
     * Copies the other items.
     *
     * @param tag the tag
     * @param uid whether UIDs
     * @param min the minimum
     * @param max the maximum
     * @param count the count
     * @param all the set
     * @param other other items
     */
    public ESearchData {
        other = Map.copyOf(Objects.requireNonNull(other, "other"));
    }
}
