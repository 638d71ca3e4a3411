package io.deepmail.submission.internal.codec;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Writes one {@link SmtpCommand} as {@code VERB SP argument CRLF} straight into a buffer. Arguments
 * were validated when the command was built, so this encoder never sees a line break to escape.
 * Stateless and shared.
 */
@Sharable
public final class SmtpCommandEncoder extends MessageToByteEncoder<SmtpCommand> {

    /** The shared instance. */
    public static final SmtpCommandEncoder INSTANCE = new SmtpCommandEncoder();

    private static final short CRLF = ('\r' << 8) | '\n';

    private SmtpCommandEncoder() {
        super(SmtpCommand.class);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, SmtpCommand command, ByteBuf out) {
        String verb = command.verb();
        String argument = command.argument();
        out.writeCharSequence(verb, StandardCharsets.US_ASCII);
        if (!argument.isEmpty()) {
            if (!verb.isEmpty()) {
                out.writeByte(' ');
            }
            out.writeCharSequence(argument, command.utf8() ? StandardCharsets.UTF_8 : StandardCharsets.US_ASCII);
        }
        out.writeShort(CRLF);
    }
}
