package io.deepmail.pop3.internal.codec;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Writes a {@link Pop3Command} as one CRLF-terminated line, UTF-8, and records the shape of the
 * answer it expects in the connection's {@link Expectations} before the bytes leave, so that the
 * decoder knows how to read the reply even when commands are pipelined.
 */
public final class Pop3CommandEncoder extends MessageToByteEncoder<Pop3Command> {

    private final Expectations expectations;

    /**
     * Creates the encoder.
     *
     * @param expectations the queue shared with the connection's decoder
     */
    public Pop3CommandEncoder(Expectations expectations) {
        super(Pop3Command.class);
        this.expectations = expectations;
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, Pop3Command command, ByteBuf out) {
        boolean first = true;
        if (!command.verb().isEmpty()) {
            out.writeCharSequence(command.verb(), StandardCharsets.US_ASCII);
            first = false;
        }
        for (String argument : command.arguments()) {
            if (!first) {
                out.writeByte(' ');
            }
            out.writeCharSequence(argument, StandardCharsets.UTF_8);
            first = false;
        }
        out.writeByte('\r').writeByte('\n');
        expectations.expect(command.shape());
    }
}
