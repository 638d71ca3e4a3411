package io.deepmail.imap.response;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * {@code * n FETCH (...)}: the data items of one message. Items the server did not send are
 * {@code null} (or an empty list). Body sections sent as literals were streamed as
 * {@link FetchChunk}s before this record; {@link #sections()} then gives only their sizes.
 *
 * @param sequence the message sequence number
 * @param uid the UID, or {@code null}
 * @param flags the flags, or {@code null}
 * @param size RFC822.SIZE, or {@code null}
 * @param internalDate INTERNALDATE as sent, or {@code null}
 * @param modSeq MODSEQ (CONDSTORE), or {@code null}
 * @param envelope the envelope, or {@code null}
 * @param bodyStructure BODYSTRUCTURE (or BODY), or {@code null}
 * @param sections the body sections, in the order sent, {@code BODY[...]} and {@code BINARY[...]} alike
 * @param binarySizes {@code BINARY.SIZE[section]} (RFC 3516) by section specifier, for example
 *     {@code "1.2"} for {@code BINARY.SIZE[1.2]}
 * @since 0.1
 */
public record FetchData(long sequence, @Nullable Long uid, @Nullable List<String> flags, @Nullable Long size,
        @Nullable String internalDate, @Nullable Long modSeq, @Nullable Envelope envelope,
        @Nullable BodyStructure bodyStructure, List<SectionData> sections, Map<String, Long> binarySizes)
        implements Untagged, FetchResult {

    /**
     * Copies the lists.
     *
     * @param sequence the sequence number
     * @param uid the UID
     * @param flags the flags
     * @param size the size
     * @param internalDate the internal date
     * @param modSeq the mod-sequence
     * @param envelope the envelope
     * @param bodyStructure the structure
     * @param sections the sections
     * @param binarySizes the decoded section sizes
     */
    public FetchData {
        flags = flags == null ? null : List.copyOf(flags);
        sections = List.copyOf(Objects.requireNonNull(sections, "sections"));
        binarySizes = Map.copyOf(binarySizes);
    }

    /**
     * Data without {@code BINARY.SIZE} items.
     *
     * @param sequence the sequence number
     * @param uid the UID
     * @param flags the flags
     * @param size the size
     * @param internalDate the internal date
     * @param modSeq the mod-sequence
     * @param envelope the envelope
     * @param bodyStructure the structure
     * @param sections the sections
     */
    public FetchData(long sequence, @Nullable Long uid, @Nullable List<String> flags, @Nullable Long size,
            @Nullable String internalDate, @Nullable Long modSeq, @Nullable Envelope envelope,
            @Nullable BodyStructure bodyStructure, List<SectionData> sections) {
        this(sequence, uid, flags, size, internalDate, modSeq, envelope, bodyStructure, sections, Map.of());
    }

    /**
     * The section with this item name.
     *
     * @param item for example {@code "BODY[]"} or {@code "BODY[1.2]"}
     * @return the section, or {@code null}
     */
    public @Nullable SectionData section(String item) {
        return sections.stream().filter(s -> s.item().equalsIgnoreCase(item)).findFirst().orElse(null);
    }
}
