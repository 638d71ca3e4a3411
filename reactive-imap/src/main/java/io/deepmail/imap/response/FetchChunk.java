package io.deepmail.imap.response;

import io.netty.buffer.ByteBuf;
import io.netty.util.ReferenceCounted;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A piece of a body section literal of a FETCH response, delivered as the bytes arrive, so that
 * no message is ever held whole in memory. The chunks of one section arrive in order; the last has
 * {@code last} set; the {@link FetchData} of the message follows its chunks.
 *
 * <p><b>Ownership:</b> the receiver owns {@link #content()} and must {@link #release()} it.
 *
 * @param sequence the message sequence number
 * @param item the section item, as in {@link SectionData#item()}
 * @param origin the partial-fetch origin, or {@code null}
 * @param offset where this chunk starts within the section
 * @param content the bytes
 * @param last whether this chunk ends the section
 * @since 0.1
 */
public record FetchChunk(long sequence, String item, @Nullable Long origin, long offset, ByteBuf content,
        boolean last) implements Untagged, FetchResult, ReferenceCounted {

    /**
     * Validates the chunk.
     *
     * @param sequence the sequence number
     * @param item the item
     * @param origin the origin
     * @param offset the offset
     * @param content the bytes
     * @param last whether it is the last chunk
     */
    public FetchChunk {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(content, "content");
    }

    @Override
    public int refCnt() {
        return content.refCnt();
    }

    @Override
    public FetchChunk retain() {
        content.retain();
        return this;
    }

    @Override
    public FetchChunk retain(int increment) {
        content.retain(increment);
        return this;
    }

    @Override
    public FetchChunk touch() {
        content.touch();
        return this;
    }

    @Override
    public FetchChunk touch(Object hint) {
        content.touch(hint);
        return this;
    }

    @Override
    public boolean release() {
        return content.release();
    }

    @Override
    public boolean release(int decrement) {
        return content.release(decrement);
    }

    @Override
    public String toString() {
        return "FetchChunk[" + sequence + " " + item + " @" + offset + " +" + content.readableBytes()
                + (last ? " last" : "") + "]";
    }
}
