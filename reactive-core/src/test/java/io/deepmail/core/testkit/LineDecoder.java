package io.deepmail.core.testkit;

import io.deepmail.core.ProtocolViolationException;
import io.deepmail.core.transport.MailDecoder;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The test kit's line codec: one CRLF line per {@code decode} call, as {@link MailDecoder}
 * requires so that STARTTLS can see bytes buffered behind the go-ahead. Lines are emitted without
 * their line ending; a line longer than the limit is a {@link ProtocolViolationException}.
 */
public final class LineDecoder extends MailDecoder {

    /** Longest line accepted, in bytes. */
    public static final int MAX_LINE = 8_192;

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        int eol = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) '\n');
        if (eol < 0) {
            if (in.readableBytes() > MAX_LINE) {
                throw new ProtocolViolationException("line longer than " + MAX_LINE + " bytes");
            }
            return;
        }
        String line = in.readCharSequence(eol - in.readerIndex() + 1, StandardCharsets.US_ASCII).toString();
        out.add(line.endsWith("\r\n") ? line.substring(0, line.length() - 2) : line.strip());
    }
}
