package io.deepmail.imap.internal.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.DefaultByteBufHolder;

/** A piece of a streamed literal's content, written as is; the encoder passes its buffer on without copying. */
public final class LiteralChunk extends DefaultByteBufHolder implements Outbound {

    /**
     * Wraps the content; the chunk owns it.
     *
     * @param content the bytes
     */
    public LiteralChunk(ByteBuf content) {
        super(content);
    }
}
