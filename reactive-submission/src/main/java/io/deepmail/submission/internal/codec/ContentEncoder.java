package io.deepmail.submission.internal.codec;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Turns {@link ContentChunk}s into wire bytes chunk by chunk, so a message is never held whole:
 * CRLF normalisation across chunk boundaries, then either dot-stuffing and {@code CRLF.CRLF}
 * (DATA) or a {@code BDAT n [LAST]} line in front of each normalised chunk (RFC 3030). One instance
 * per channel: it carries the line state of the message being sent.
 */
public final class ContentEncoder extends MessageToMessageEncoder<ContentChunk> {

    private static final byte[] END_OF_DATA = {'.', '\r', '\n'};

    private final LineNormalizer normalizer = new LineNormalizer();

    /** An encoder for one channel. */
    public ContentEncoder() {
        super(ContentChunk.class);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, ContentChunk chunk, List<Object> out) {
        ByteBuf in = chunk.content();
        boolean data = chunk.framing() == ContentChunk.Framing.DATA;
        ByteBuf body = ctx.alloc().buffer(in.readableBytes() + (in.readableBytes() >> 6) + 8);
        try {
            normalizer.normalize(in, body, data);
            if (chunk.isLast()) {
                normalizer.finish(body);
                if (data) {
                    body.writeBytes(END_OF_DATA);
                }
            }
            if (!data) {
                String header = "BDAT " + body.readableBytes() + (chunk.isLast() ? " LAST\r\n" : "\r\n");
                ByteBuf line = ctx.alloc().buffer(header.length());
                line.writeCharSequence(header, StandardCharsets.US_ASCII);
                out.add(line);
            }
            out.add(body);
            body = null;
        } finally {
            if (body != null) {
                body.release();
            }
        }
    }
}
