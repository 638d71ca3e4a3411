package io.deepmail.core.interop;

import io.deepmail.core.ProtocolViolationException;
import io.deepmail.core.transport.MailDecoder;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The interop tests' only codec: one CRLF line per {@code decode} call, as {@link MailDecoder}
 * requires, so that STARTTLS can see bytes buffered behind the go-ahead.
 */
final class LineDecoder extends MailDecoder {

    private static final int MAX_LINE = 4_096;

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
