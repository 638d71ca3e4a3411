package io.deepmail.imap.internal.codec;

/** What {@link ImapCommandEncoder} writes: command text with small literals, or a chunk of a streamed literal. */
public sealed interface Outbound permits CommandSegment, LiteralChunk {
}
