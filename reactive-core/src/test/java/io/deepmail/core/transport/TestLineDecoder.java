package io.deepmail.core.transport;

import io.deepmail.core.ProtocolViolationException;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A minimal CRLF line decoder for transport tests: one line per decode call, as MailDecoder asks. */
final class TestLineDecoder extends MailDecoder {

    private static final int MAX_LINE = 1_000;

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        int eol = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) '\n');
        if (eol < 0) {
            if (in.readableBytes() > MAX_LINE) {
                throw new ProtocolViolationException("line longer than " + MAX_LINE + " bytes");
            }
            return;
        }
        int length = eol - in.readerIndex() + 1;
        String line = in.readCharSequence(length, StandardCharsets.US_ASCII).toString();
        out.add(line.endsWith("\r\n") ? line.substring(0, line.length() - 2) : line.strip());
    }
}
