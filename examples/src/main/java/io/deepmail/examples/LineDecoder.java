package io.deepmail.examples;

import io.deepmail.core.ProtocolViolationException;
import io.deepmail.core.transport.MailDecoder;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A bounded CRLF line decoder, enough for the example's greeting and STARTTLS dialogue. */
final class LineDecoder extends MailDecoder {

    private static final int MAX_LINE = 8_192;

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        int eol = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) '\n');
        if (eol < 0) {
            if (in.readableBytes() > MAX_LINE) {
                throw new ProtocolViolationException("server line longer than " + MAX_LINE + " bytes");
            }
            return;
        }
        String line = in.readCharSequence(eol - in.readerIndex() + 1, StandardCharsets.US_ASCII).toString();
        out.add(line.strip());
    }
}
