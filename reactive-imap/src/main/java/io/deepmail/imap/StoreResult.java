package io.deepmail.imap;

import io.deepmail.imap.response.FetchData;
import io.deepmail.imap.response.SequenceSet;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of a conditional STORE ({@code UNCHANGEDSINCE}, RFC 7162 §3.1.3).
 *
 * @param updated the FETCH reports of the messages the server changed (flags, MODSEQ); empty with
 *     {@code .SILENT}, apart from messages changed meanwhile by others
 * @param modified the messages left unchanged because their mod-sequence was newer, from
 *     {@code [MODIFIED set]}; {@code null} when every message was changed
 * @since 0.1
 */
public record StoreResult(List<FetchData> updated, @Nullable SequenceSet modified) {

    /**
     * Copies the list.
     *
     * @param updated the updated messages
     * @param modified the set left unchanged
     */
    public StoreResult {
        updated = List.copyOf(updated);
    }
}
