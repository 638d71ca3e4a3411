package io.deepmail.imap.internal.codec;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes {@link CommandSegment}s into a new buffer (text as UTF-8, literals verbatim) and passes a
 * {@link LiteralChunk}'s buffer on as it is.
 */
public final class ImapCommandEncoder extends MessageToMessageEncoder<Outbound> {

    /** Creates the encoder. */
    public ImapCommandEncoder() {
        super(Outbound.class);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, Outbound message, List<Object> out) {
        if (message instanceof LiteralChunk chunk) {
            out.add(chunk.content().retain());
            return;
        }
        ByteBuf buf = ctx.alloc().buffer();
        try {
            for (Object piece : ((CommandSegment) message).pieces()) {
                if (piece instanceof String s) {
                    buf.writeCharSequence(s, StandardCharsets.UTF_8);
                } else if (piece instanceof byte[] b) {
                    buf.writeBytes(b);
                } else {
                    throw new IllegalStateException("a streamed literal reached the encoder unexpanded");
                }
            }
            out.add(buf);
        } catch (RuntimeException e) {
            buf.release();
            throw e;
        }
    }
}
