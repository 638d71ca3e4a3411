package io.deepmail.imap.internal.codec;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;
import java.nio.charset.StandardCharsets;

/** Writes {@link CommandSegment}s straight into the outbound buffer: text as UTF-8, literals verbatim. */
public final class ImapCommandEncoder extends MessageToByteEncoder<CommandSegment> {

    /** Creates the encoder. */
    public ImapCommandEncoder() {
        super(CommandSegment.class);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, CommandSegment segment, ByteBuf out) {
        for (Object piece : segment.pieces()) {
            if (piece instanceof String s) {
                out.writeCharSequence(s, StandardCharsets.UTF_8);
            } else {
                out.writeBytes((byte[]) piece);
            }
        }
    }
}
