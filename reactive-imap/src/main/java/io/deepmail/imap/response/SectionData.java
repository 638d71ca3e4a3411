package io.deepmail.imap.response;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One body section of a FETCH response. A section sent as a literal is streamed as
 * {@link FetchChunk}s and only its size is kept here; a section sent as a quoted string or NIL is
 * small and kept inline.
 *
 * @param item the item name without origin, upper case keyword, for example {@code "BODY[]"},
 *     {@code "BODY[HEADER.FIELDS (SUBJECT)]"} or {@code "RFC822.TEXT"}
 * @param origin the partial-fetch origin ({@code <n>}), or {@code null}
 * @param size the section's size in bytes
 * @param inline the content when sent as a quoted string (empty for NIL), or {@code null} when streamed
 * @since 0.1
 */
public record SectionData(String item, @Nullable Long origin, long size, byte @Nullable [] inline) {

    /**
     * Validates the section.
     *
     * @param item the item
     * @param origin the origin
     * @param size the size
     * @param inline the inline content
     */
    public SectionData {
        Objects.requireNonNull(item, "item");
    }

    /**
     * Whether the content was streamed as chunks.
     *
     * @return {@code true} for a literal section
     */
    public boolean streamed() {
        return inline == null;
    }
}
