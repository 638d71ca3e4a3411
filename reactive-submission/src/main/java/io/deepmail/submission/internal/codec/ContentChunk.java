package io.deepmail.submission.internal.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.DefaultByteBufHolder;
import io.netty.buffer.Unpooled;

/**
 * A piece of message content on its way to {@link ContentEncoder}: raw bytes as the application
 * gave them, whether this is the end of the message, and how the message is framed. Holds one
 * reference to its buffer, released by the encoder (or by whoever drops it unwritten).
 */
public final class ContentChunk extends DefaultByteBufHolder {

    /** How the content travels. */
    public enum Framing {
        /** After a 354 to DATA: dot-stuffed, ended by {@code CRLF.CRLF}. */
        DATA,
        /** As BDAT chunks (RFC 3030): a {@code BDAT size [LAST]} line before each chunk, no stuffing. */
        BDAT
    }

    private final boolean last;
    private final Framing framing;

    private ContentChunk(ByteBuf content, boolean last, Framing framing) {
        super(content);
        this.last = last;
        this.framing = framing;
    }

    /**
     * A middle chunk.
     *
     * @param content the bytes; ownership passes to the chunk
     * @param framing the framing
     * @return the chunk
     */
    public static ContentChunk of(ByteBuf content, Framing framing) {
        return new ContentChunk(content, false, framing);
    }

    /**
     * The end of the message, without bytes of its own: the encoder writes the end of the content
     * (and, for BDAT, the {@code LAST} chunk).
     *
     * @param framing the framing
     * @return the chunk
     */
    public static ContentChunk end(Framing framing) {
        return new ContentChunk(Unpooled.EMPTY_BUFFER, true, framing);
    }

    /**
     * Whether the message ends with this chunk.
     *
     * @return {@code true} for the end
     */
    public boolean isLast() {
        return last;
    }

    /**
     * The framing.
     *
     * @return the framing
     */
    public Framing framing() {
        return framing;
    }

    @Override
    public ContentChunk replace(ByteBuf content) {
        return new ContentChunk(content, last, framing);
    }

    @Override
    public String toString() {
        return "ContentChunk[" + framing + ", " + content().readableBytes() + " bytes" + (last ? ", last]" : "]");
    }
}
